package dev.runtruth.agent.routes.micronaut;

import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.Route;
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
        for (Iterator<?> it = ((Stream<?>) stream).iterator(); it.hasNext();) {
            Object route = it.next();
            Object method = Reflect.call(route, "getHttpMethodName");
            Object template = Reflect.call(route, "getUriMatchTemplate");
            if (method != null && template != null) {
                out.add(Route.of(method.toString(), template.toString(), FRAMEWORK, handler(route)));
            }
        }
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
