package dev.runtruth.agent.routes.ktor;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import java.util.List;

/**
 * Hooks the constructors of Ktor's routing root and of its Netty engine, so the agent learns every routing tree and
 * every Netty server the application creates. Nothing else happens in the hooks: {@link KtorRoutes} reads the trees
 * at scrape time, the listener attribution reads the engines' channels.
 */
public final class KtorInstrumentation {

    /** Ktor 3.x: the {@code RoutingRoot} plugin instance, the root {@code RoutingNode} of an application. */
    public static final String ROUTING_ROOT = "io.ktor.server.routing.RoutingRoot";
    /** Ktor 2.x: the {@code Routing} plugin instance, the root {@code Route} (an interface in 3.x: never constructed). */
    public static final String ROUTING_2 = "io.ktor.server.routing.Routing";
    /** Ktor 2.x and 3.x: the Netty engine (ktor-server-netty). */
    public static final String NETTY_ENGINE = "io.ktor.server.netty.NettyApplicationEngine";

    private KtorInstrumentation() {
    }

    /** @return the hooks: every constructor of {@link #ROUTING_ROOT}, {@link #ROUTING_2} and {@link #NETTY_ENGINE} */
    public static List<TypeHook> hooks() {
        return Arrays.asList(TypeHook.onConstructors(ROUTING_ROOT, OnRoot.class),
                TypeHook.onConstructors(ROUTING_2, OnRoot.class),
                TypeHook.onConstructors(NETTY_ENGINE, OnEngine.class));
    }

    /** Called at the end of each routing root constructor. */
    public static final class OnRoot {

        private OnRoot() {
        }

        static void exit(Object root) {
            KtorRoutes.onRoot(root);
        }
    }

    /** Called at the end of each Netty engine constructor. */
    public static final class OnEngine {

        private OnEngine() {
        }

        static void exit(Object engine) {
            KtorRoutes.onEngine(engine);
        }
    }
}
