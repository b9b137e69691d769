package dev.runtruth.agent.listeners;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.helidon.HelidonRoutes;
import java.util.Set;

/**
 * The ports of the frameworks that run their own HTTP server, read from the server objects the route captures
 * remember.
 * <ul>
 *   <li>Helidon 4: each running {@code WebServer} ({@code isRunning()}), {@code port(name)} of each of its named
 *       sockets ({@code @default} and the others), the public API.</li>
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
                if (!Boolean.TRUE.equals(Reflect.call(server, "isRunning"))) {
                    continue;
                }
                for (Object socket : HelidonRoutes.listeners(server).keySet()) {
                    ServerPorts.add(Reflect.call(server, "port", new Class<?>[] {String.class}, socket), out);
                }
            }
        }
    };
}
