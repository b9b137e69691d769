package dev.runtruth.agent.routes.vertx;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The routes of every Vert.x Web router in this JVM (vertx-web 4.5 and 5.x), read at scrape time from
 * {@code Router#getRoutes()}.
 *
 * <p>Routers mounted in another router ({@code route("/api/*").subRouter(sub)}) are walked from their parent with
 * the mount path as prefix and are not reported again on their own; every other router counts as a root, whether or
 * not it was handed to an {@code HttpServer} (a server often gets {@code req -> router.handle(req)}, which hides the
 * router, so attachment is not checked). Each route is reported once per method of {@code Route#methods()}, or with
 * method {@code *} when it has none; its template is {@link VertxRoute#template(Object)}.
 */
public final class VertxWebRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "vertx-web";

    /** Deeper sub-router nesting is not followed (guards against a router mounted inside itself). */
    static final int MAX_DEPTH = 16;

    // weak keys, identity semantics (RouterImpl does not override equals/hashCode); stale entries expunge themselves
    private static final Map<Object, Boolean> ROUTERS = new WeakHashMap<Object, Boolean>();

    /**
     * Called by the constructor hook for every new {@code RouterImpl}; only remembers it (weakly).
     *
     * @param router the router under construction
     */
    public static void onRouter(Object router) {
        synchronized (ROUTERS) {
            ROUTERS.put(router, Boolean.TRUE);
        }
    }

    /** @return the routers still alive (mounted ones included), for the listener attribution; never the map itself */
    public static List<Object> routers() {
        synchronized (ROUTERS) {
            return new ArrayList<Object>(ROUTERS.keySet());
        }
    }

    @Override
    public List<Route> routes() {
        List<Object> routers;
        synchronized (ROUTERS) {
            routers = new ArrayList<Object>(ROUTERS.keySet());
        }
        List<Route> out = new ArrayList<Route>();
        Set<Object> mounted = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        List<Object> readable = new ArrayList<Object>();
        for (Object router : routers) {
            try {
                for (Object route : VertxRoute.routes(router)) {
                    Object sub = VertxRoute.subRouter(route);
                    if (sub != null) {
                        mounted.add(sub);
                    }
                }
                readable.add(router);
            } catch (Throwable t) {
                failed(t);
            }
        }
        for (Object router : readable) {
            if (mounted.contains(router)) {
                continue;
            }
            List<Route> routes = new ArrayList<Route>();
            try {
                walk(router, "", 0, routes);
                out.addAll(routes);
            } catch (Throwable t) {
                failed(t);
            }
        }
        return out;
    }

    private static void failed(Throwable t) {
        if (t instanceof VertxRoute.UnsupportedVersion) {
            AgentLog.warn("vertx-web.version", "unsupported vertx-web version (" + t.getMessage()
                    + "): its routes are not reported");
        } else {
            CaptureErrors.record("vertx-web.read", "could not read the routes of a Vert.x router", t);
        }
    }

    private static void walk(Object router, String prefix, int depth, List<Route> out) throws Exception {
        if (depth > MAX_DEPTH) {
            AgentLog.warn("vertx-web.depth", "Vert.x sub-routers nested deeper than " + MAX_DEPTH
                    + " levels (a router mounted inside itself?) are not reported");
            return;
        }
        for (Object route : VertxRoute.routes(router)) {
            Object sub = VertxRoute.subRouter(route);
            if (sub != null) {
                // the mount route only forwards to the sub-router: report the sub-router's routes instead
                walk(sub, VertxRoute.join(prefix, VertxRoute.mountPath(route)), depth + 1, out);
                continue;
            }
            String template = VertxRoute.join(prefix, VertxRoute.template(route));
            List<String> methods = VertxRoute.methods(route);
            if (methods.isEmpty()) {
                out.add(Route.of(Route.ANY_METHOD, template, FRAMEWORK, ""));
            }
            for (String method : methods) {
                out.add(Route.of(method, template, FRAMEWORK, ""));
            }
        }
    }
}
