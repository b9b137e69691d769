package dev.runtruth.agent.listeners;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;
import java.util.Collection;
import java.util.Set;

/**
 * The ports of the HTTP servers Jersey runs on outside a servlet container, from the server objects the Jersey
 * capture remembers.
 * <ul>
 *   <li>Grizzly 2.3-4.x ({@code org.glassfish.grizzly.http.server.HttpServer}, as Jersey's
 *       {@code GrizzlyHttpServerFactory} starts it): {@code getListeners()}, each {@code NetworkListener#getPort()}
 *       (the bound port once started), for a started server ({@code isStarted()}).</li>
 * </ul>
 */
final class JerseyServerPorts {

    private JerseyServerPorts() {
    }

    static final ServerPorts.Family GRIZZLY = new ServerPorts.Family() {
        @Override
        public String name() {
            return "grizzly";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object server : JerseyRoutes.grizzlyServers()) {
                if (!Boolean.TRUE.equals(Reflect.call(server, "isStarted"))) {
                    continue;
                }
                Object listeners = Reflect.call(server, "getListeners");
                if (listeners instanceof Collection) {
                    for (Object listener : (Collection<?>) listeners) {
                        ServerPorts.add(Reflect.call(listener, "getPort"), out);
                    }
                }
            }
        }
    };
}
