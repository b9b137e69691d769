package dev.runtruth.agent.routes.micronaut;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructors of Micronaut's {@code io.micronaut.web.router.DefaultRouter} (micronaut-router, the
 * {@code Router} bean of every Micronaut HTTP server) so the agent learns every router the application creates.
 * Nothing else happens in the hook: routes are read from the router at scrape time by {@link MicronautRoutes}.
 */
public final class DefaultRouterInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.micronaut.web.router.DefaultRouter";

    private DefaultRouterInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code DefaultRouter} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object router) {
            MicronautRoutes.onRouter(router);
        }
    }
}
