package dev.runtruth.agent.listeners;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.helidon.HelidonRoutes;
import dev.runtruth.agent.routes.jaxrs.cxf.CxfRoutes;
import dev.runtruth.agent.routes.ktor.KtorRoutes;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Set;

/**
 * The ports of the frameworks that run their own HTTP server, read from the server objects the route captures
 * remember.
 * <ul>
 *   <li>Helidon 4: each running {@code WebServer} ({@code isRunning()}), {@code port(name)} of each of its named
 *       sockets ({@code @default} and the others), the public API.</li>
 *   <li>Ktor 2.x and 3.x on Netty: each {@code NettyApplicationEngine}'s bound Netty channels (private field
 *       {@code channels}, set when the engine starts), each open one's {@code localAddress()}. Other engines (CIO,
 *       Jetty, Tomcat) are not attributed: their ports read as unknown.</li>
 *   <li>Apache CXF's own HTTP transport (cxf-rt-transports-http-jetty, -undertow, -netty-server): the port of each
 *       started JAX-RS endpoint's absolute address ({@link CxfRoutes#ownTransportPorts}).</li>
 * </ul>
 */
final class OwnServerPorts {

    private OwnServerPorts() {
    }

    static final ServerPorts.Family HELIDON = new ServerPorts.Family() {
        @Override
        public String name() {
            return "helidon-se";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object server : HelidonRoutes.servers()) {
                if (!HelidonRoutes.isRunning(server)) {
                    continue;
                }
                for (Object socket : HelidonRoutes.listeners(server).keySet()) {
                    ServerPorts.add(HelidonRoutes.port(server, socket), out);
                }
            }
        }
    };

    static final ServerPorts.Family KTOR = new ServerPorts.Family() {
        @Override
        public String name() {
            return "ktor";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object engine : KtorRoutes.engines()) {
                Object channels = Reflect.fieldOrNull(engine, "channels");
                if (!(channels instanceof Collection)) {
                    continue; // not started
                }
                for (Object channel : (Collection<?>) channels) {
                    if (Boolean.TRUE.equals(Reflect.call(channel, "isOpen"))) {
                        Object address = Reflect.call(channel, "localAddress");
                        if (address instanceof InetSocketAddress) {
                            ServerPorts.add(((InetSocketAddress) address).getPort(), out);
                        }
                    }
                }
            }
        }
    };

    static final ServerPorts.Family CXF = new ServerPorts.Family() {
        @Override
        public String name() {
            return "apache-cxf";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            CxfRoutes.ownTransportPorts(out);
        }
    };
}
