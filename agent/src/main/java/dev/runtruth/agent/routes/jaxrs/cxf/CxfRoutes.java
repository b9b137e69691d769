package dev.runtruth.agent.routes.jaxrs.cxf;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.agent.routes.ServletPrefixes;
import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of every CXF JAX-RS endpoint in this JVM (CXF 3.x javax, 4.x jakarta), read at scrape time from each
 * remembered {@code org.apache.cxf.endpoint.ServerImpl} that is started: {@code getEndpoint().getService()} is a
 * {@code JAXRSServiceImpl} for a JAX-RS endpoint (JAX-WS endpoints are skipped), whose
 * {@code getClassResourceInfos()} {@link CxfResourceModel} walks.
 *
 * <p>Where an endpoint is served:
 * <ul>
 *   <li>servlet transport: its destination is registered in a CXF servlet's {@code DestinationRegistry} (private
 *       field {@code destinationRegistry} of {@code CXFNonSpringServlet}) under the endpoint's address path
 *       ({@code AbstractHTTPDestination#getPath()}); the route is context path + each servlet mapping + that path.
 *       (The endpoint's own address is not used: CXF rewrites it to the absolute URL of the first request.)</li>
 *   <li>CXF's own HTTP transport (Jetty, Undertow, Netty): the endpoint address is an absolute URL, e.g.
 *       {@code http://0.0.0.0:9000/api}; the route is its path.</li>
 * </ul>
 * An endpoint with a relative address whose servlet is not initialised yet is left out of this read.
 */
public final class CxfRoutes implements RouteSource {

    static final String JAXRS_SERVICE = "org.apache.cxf.jaxrs.JAXRSServiceImpl";

    private static final WeakObjects SERVERS = new WeakObjects();
    private static final WeakObjects SERVLETS = new WeakObjects();

    /** @param server a {@code ServerImpl} whose constructor just returned; only remembered (weakly) */
    public static void onServer(Object server) {
        SERVERS.add(server);
    }

    /** @param servlet a {@code CXFNonSpringServlet} whose constructor just returned; only remembered (weakly) */
    public static void onServlet(Object servlet) {
        SERVLETS.add(servlet);
    }

    @Override
    public List<Route> routes() {
        List<Object> servers = SERVERS.alive();
        if (servers.isEmpty()) {
            return Collections.emptyList();
        }
        Map<Object, List<String>> servletPaths = servletPaths();
        List<Route> routes = new ArrayList<Route>();
        for (Object server : servers) {
            try {
                collect(server, servletPaths, routes);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.cxf.read", "could not read the resource model of a CXF JAX-RS endpoint",
                        t);
            }
        }
        return routes;
    }

    /**
     * The ports of CXF's own HTTP transport (Jetty, Undertow, Netty; no servlet container): each started JAX-RS
     * endpoint that no CXF servlet serves has an absolute address, {@code http://host:port/path}; its port is the
     * transport's listener (CXF binds one engine per port and serves every endpoint of that port on it).
     *
     * @param out receives the port of each such endpoint
     * @throws Exception when a CXF object cannot be read
     */
    public static void ownTransportPorts(Set<Integer> out) throws Exception {
        Map<Object, List<String>> servletPaths = servletPaths();
        for (Object server : SERVERS.alive()) {
            if (!Boolean.TRUE.equals(Reflect.call(server, "isStarted"))
                    || servletPaths.containsKey(Reflect.call(server, "getDestination"))) {
                continue;
            }
            Object endpoint = Reflect.call(server, "getEndpoint");
            Object info = endpoint == null ? null : Reflect.call(endpoint, "getEndpointInfo");
            Object address = info == null ? null : Reflect.call(info, "getAddress");
            if (address != null && absolutePath(address.toString()) != null) {
                int port = URI.create(address.toString()).getPort();
                if (port > 0) {
                    out.add(port);
                }
            }
        }
    }

    /** @return for each destination a started CXF servlet serves, the full paths it is served at; never throws */
    private static Map<Object, List<String>> servletPaths() {
        Map<Object, List<String>> servletPaths = new IdentityHashMap<Object, List<String>>();
        for (Object servlet : SERVLETS.alive()) {
            try {
                servletPaths(servlet, servletPaths);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.cxf.servlet", "could not read the endpoints of CXF servlet "
                        + servlet.getClass().getName(), t);
            }
        }
        return servletPaths;
    }

    /** Adds, for each destination a servlet serves, the full paths it is served at (prefix + destination path). */
    private static void servletPaths(Object servlet, Map<Object, List<String>> out) throws Exception {
        List<String> prefixes = ServletPrefixes.ofInitialised(servlet);
        if (prefixes == null) {
            return; // not initialised: its destinations are not known to be served yet
        }
        Object registry = Reflect.field(servlet, "destinationRegistry");
        Object destinations = registry == null ? null : Reflect.call(registry, "getDestinations");
        if (!(destinations instanceof Collection)) {
            return;
        }
        for (Object destination : (Collection<?>) destinations) {
            Object path = Reflect.call(destination, "getPath");
            List<String> paths = out.get(destination);
            if (paths == null) {
                paths = new ArrayList<String>();
                out.put(destination, paths);
            }
            for (String prefix : prefixes) {
                paths.add(PathTemplate.join(prefix, path == null ? "" : path.toString()));
            }
        }
    }

    private static void collect(Object server, Map<Object, List<String>> servletPaths, List<Route> out)
            throws Exception {
        if (!Boolean.TRUE.equals(Reflect.call(server, "isStarted"))) {
            return;
        }
        Object endpoint = Reflect.call(server, "getEndpoint");
        Object service = endpoint == null ? null : Reflect.call(endpoint, "getService");
        if (service == null || !Reflect.isSubclassOf(service.getClass(), JAXRS_SERVICE)) {
            return; // a JAX-WS (SOAP) endpoint: no JAX-RS resource model
        }
        List<String> bases = servletPaths.get(Reflect.call(server, "getDestination"));
        if (bases == null) {
            Object info = Reflect.call(endpoint, "getEndpointInfo");
            Object address = info == null ? null : Reflect.call(info, "getAddress");
            String absolute = address == null ? null : absolutePath(address.toString());
            if (absolute == null) {
                AgentLog.debug("CXF endpoint at '" + address + "' has no initialised servlet yet: not read now");
                return;
            }
            bases = Collections.singletonList(absolute);
        }
        Collection<?> roots = (Collection<?>) Reflect.call(service, "getClassResourceInfos");
        if (roots == null) {
            return;
        }
        for (String[] route : CxfResourceModel.routes(roots)) {
            for (String base : bases) {
                out.add(Route.of(route[0], PathTemplate.join(base, route[1]), JerseyRoutes.FRAMEWORK, route[2]));
            }
        }
    }

    /** @return the path of an absolute {@code http(s)://} address ({@code ""} for the root), else {@code null} */
    static String absolutePath(String address) {
        if (!(address.startsWith("http://") || address.startsWith("https://"))) {
            return null;
        }
        try {
            String path = URI.create(address).getRawPath();
            return path == null || path.equals("/") ? "" : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
