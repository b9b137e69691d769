package dev.runtruth.agent.routes.micronaut;

import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.Route;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The URI routes of every Micronaut {@code DefaultRouter} in this JVM, read at scrape time.
 *
 * <p>What is listed follows micronaut-management's {@code /routes} endpoint ({@code RoutesEndpoint} and
 * {@code DefaultRouteDataCollector}, Micronaut 4): {@code Router#uriRoutes()}, one route per
 * {@code UriRouteInfo#getHttpMethodName()} and {@code UriRouteInfo#getUriMatchTemplate()}. That covers annotated
 * controllers, management endpoints and routes built with a {@code RouteBuilder}; error and status routes are not URI
 * routes and are not listed (nor are they by {@code /routes}). The template is the router's own: it already holds
 * {@code micronaut.server.context-path} and the endpoints' base path. Micronaut's RFC 6570 expressions are
 * canonicalised by {@code PathTemplate}: {@code /books{?max,offset}} is {@code /books}, {@code /files{/path:.*}} is
 * {@code /files/{*path}}.
 *
 * <p>Listeners: a route Micronaut serves only on a port of its own ({@code UriRouteInfo#getPort()}, e.g. every
 * management endpoint when {@code endpoints.all.port} is set) carries that port ({@link Route#port()}), unless the
 * port is one of the router's default ports ({@code DefaultRouter.ports}, which the server sets at start to the ports of
 * its default listeners); routes without a port of their own are the application listener's and carry none.
 */
public final class MicronautRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "micronaut";

    // added in micronaut-router 4.0: the agent reads Micronaut 4's route model only
    private static final String MICRONAUT_4_LANDMARK = "io.micronaut.web.router.UriRouteInfo";

    private static final WeakObjects ROUTERS = new WeakObjects();

    /**
     * Called by the constructor hook for every new {@code DefaultRouter}; only remembers it (weakly), once even when
     * one constructor delegates to another.
     *
     * @param router the router under construction
     */
    public static void onRouter(Object router) {
        ROUTERS.add(router);
    }

    /** @return the {@code DefaultRouter}s still alive, for the listener attribution */
    public static List<Object> routers() {
        return ROUTERS.alive();
    }

    @Override
    public List<Route> routes() {
        return ROUTERS.readEach("micronaut.read", "could not read the routes of", MicronautRoutes::collect);
    }

    private static void collect(Object router, List<Route> out) throws Exception {
        if (!isMicronaut4(router.getClass().getClassLoader())) {
            CaptureErrors.record("micronaut.version", "unsupported Micronaut version (no " + MICRONAUT_4_LANDMARK
                    + "; Micronaut 4 is supported): Micronaut routes are not reported", null);
            return;
        }
        Object stream = Reflect.call(router, "uriRoutes");
        if (!(stream instanceof Stream)) {
            CaptureErrors.record("micronaut.version", "unsupported Micronaut version (Router#uriRoutes() returned "
                    + (stream == null ? "nothing" : stream.getClass().getName()) + "): Micronaut routes are not reported", null);
            return;
        }
        Object defaults = Reflect.fieldOrNull(router, "ports");
        for (Iterator<?> it = ((Stream<?>) stream).iterator(); it.hasNext();) {
            Object route = it.next();
            Object method = Reflect.call(route, "getHttpMethodName");
            Object template = Reflect.call(route, "getUriMatchTemplate");
            if (method != null && template != null) {
                Route r = Route.of(method.toString(), template.toString(), FRAMEWORK, handler(route));
                String port = separatePort(route, defaults instanceof Collection ? (Collection<?>) defaults : null);
                out.add(port.isEmpty() ? r : r.withPort(port));
            }
        }
    }

    /**
     * @param route    a {@code UriRouteInfo}
     * @param defaults the router's default ports ({@code DefaultRouter.ports}: {@code null} until a server applied
     *                 them, which it does only when some route has a port of its own)
     * @return the port the route is served on alone ({@code getPort()}, Micronaut 4), when it is not a default port;
     *         else empty
     */
    static String separatePort(Object route, Collection<?> defaults) throws Exception {
        if (!Reflect.has(route.getClass(), "getPort")) {
            return "";
        }
        Object port = Reflect.call(route, "getPort");
        if (!(port instanceof Integer) || (Integer) port <= 0 || (defaults != null && defaults.contains(port))) {
            return "";
        }
        return port.toString();
    }

    /** @return {@code declaring.Type#method} of the route's target method, or empty when it has none */
    private static String handler(Object route) throws Exception {
        Object target = Reflect.call(route, "getTargetMethod");
        if (target == null) {
            return "";
        }
        Object type = Reflect.call(target, "getDeclaringType");
        Object name = Reflect.call(target, "getMethodName");
        return (type instanceof Class ? ((Class<?>) type).getName() : String.valueOf(type)) + '#' + name;
    }

    private static boolean isMicronaut4(ClassLoader loader) {
        try {
            Class.forName(MICRONAUT_4_LANDMARK, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (LinkageError e) {
            return false;
        }
    }
}
