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
 *   <li>The JDK HTTP server ({@code JdkHttpServerFactory}): each started server with a Jersey container context, its
 *       bound channel's port ({@code JerseyRoutes#jdkHttpPorts}).</li>
 *   <li>Jetty ({@code JettyHttpContainerFactory}): the started server of each Jersey Jetty container, each network
 *       connector's {@code getLocalPort()}.</li>
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

    static final ServerPorts.Family JDK_HTTP = new ServerPorts.Family() {
        @Override
        public String name() {
            return "jersey-jdk-http";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            JerseyRoutes.jdkHttpPorts(out);
        }
    };

    static final ServerPorts.Family JETTY_HTTP = new ServerPorts.Family() {
        @Override
        public String name() {
            return "jersey-jetty-http";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object port : JerseyRoutes.jettyHttpPorts()) {
                ServerPorts.add(port, out);
            }
        }
    };
}
