package dev.runtruth.agent.routes.vertx;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructors of Vert.x Web's router implementation {@code io.vertx.ext.web.impl.RouterImpl} (the class
 * behind {@code Router.router(vertx)} in vertx-web 4.x and 5.x) so the agent learns every router the application
 * creates. Nothing else happens in the hook: routes are read at scrape time by {@link VertxWebRoutes}.
 */
public final class RouterInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.vertx.ext.web.impl.RouterImpl";

    private RouterInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code RouterImpl} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object router) {
            VertxWebRoutes.onRouter(router);
        }
    }
}
