package dev.runtruth.agent.routes.helidon;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructors of Helidon 4's {@code io.helidon.webserver.LoomServer} (helidon-webserver 4.0-4.5, the one
 * implementation of {@code WebServer}, SE and MP alike) so the agent learns every web server the application builds.
 * Nothing else happens in the hook: the routes are read from the server at scrape time by {@link HelidonRoutes}.
 */
public final class LoomServerInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.helidon.webserver.LoomServer";

    private LoomServerInstrumentation() {
    }

    /** @return the hook: advice on every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Inlined at the end of each {@code LoomServer} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }

        static void exit(Object server) {
            HelidonRoutes.onServer(server);
        }
    }
}
