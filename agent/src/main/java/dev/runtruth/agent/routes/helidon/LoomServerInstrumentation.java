package dev.runtruth.agent.routes.helidon;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import java.util.List;

/**
 * Hooks the constructors of Helidon 4's {@code io.helidon.webserver.LoomServer} (helidon-webserver 4.0-4.5, the one
 * implementation of {@code WebServer}, SE and MP alike) so the agent learns every web server the application builds,
 * and of its {@link #SHUTDOWN_HANDLER}, which a started server registers with {@code io.helidon.Main} and which holds
 * the same listeners: nothing needs to keep a running {@code LoomServer} reachable (the application may drop it after
 * {@code start()}), while the handler stays reachable from a static until the server stops, so hook-free discovery
 * finds a serving server through it. Nothing else happens in the hooks: the routes are read at scrape time by
 * {@link HelidonRoutes}.
 */
public final class LoomServerInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.helidon.webserver.LoomServer";
    /** Binary name of the server's shutdown handler: fields {@code listeners} and {@code running}, as the server's. */
    public static final String SHUTDOWN_HANDLER = "io.helidon.webserver.LoomServer$ServerShutdownHandler";

    private LoomServerInstrumentation() {
    }

    /** @return the hooks: called at the end of every constructor of {@link #TYPE} and {@link #SHUTDOWN_HANDLER} */
    public static List<TypeHook> hooks() {
        return Arrays.asList(TypeHook.onConstructors(TYPE, OnConstructor.class),
                TypeHook.onConstructors(SHUTDOWN_HANDLER, OnConstructor.class));
    }

    /** Called at the end of each {@code LoomServer} or shutdown handler constructor, or on one found live. */
    public static final class OnConstructor {

        private OnConstructor() {
        }

        static void exit(Object server) {
            HelidonRoutes.onServer(server);
        }
    }
}
