package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.routes.Reflect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Jetty server of Jersey's Jetty HTTP container ({@code org.glassfish.jersey.jetty.JettyHttpContainer}, a Jetty
 * {@code Handler}). Jersey's {@code JettyHttpContainerFactory} sets the container as the server's handler and ignores
 * the path of the base URI (its Javadoc: "The URI path, query and fragment components are ignored"; checked on Jersey
 * 4.0.2 with Jetty 12.0): the application is served from the root, so its routes get no prefix. (Put inside a Jetty
 * {@code ContextHandler} at {@code /p}, Jersey 4.0.2 builds the request URI as base URI + full path, so a request for
 * {@code /p/x} is matched as {@code p/x} below {@code /p/}: not a layout that serves the routes below {@code /p}.)
 */
final class JettyHttpMounts {

    private JettyHttpMounts() {
    }

    /**
     * @param container a {@code JettyHttpContainer}
     * @return the container's Jetty server ({@code Handler#getServer()}) when it is started, else {@code null} (the
     *         container serves nothing yet)
     * @throws Exception when Jetty cannot be read
     */
    static Object startedServer(Object container) throws Exception {
        Object server = Reflect.call(container, "getServer");
        return server != null && Boolean.TRUE.equals(Reflect.call(server, "isStarted")) ? server : null;
    }

    /**
     * @param server a started Jetty server
     * @return the bound ports of its network connectors ({@code getConnectors()}, each {@code getLocalPort()}; -1
     *         until open)
     * @throws Exception when Jetty cannot be read
     */
    static List<Object> ports(Object server) throws Exception {
        Object connectors = Reflect.call(server, "getConnectors");
        if (!(connectors instanceof Object[])) {
            return Collections.emptyList();
        }
        List<Object> ports = new ArrayList<Object>();
        for (Object connector : (Object[]) connectors) {
            if (Reflect.has(connector.getClass(), "getLocalPort")) { // a LocalConnector has no port
                ports.add(Reflect.call(connector, "getLocalPort"));
            }
        }
        return ports;
    }
}
