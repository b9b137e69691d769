package dev.runtruth.agent.routes.vertx;

import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The routes of every Vert.x Web router in this JVM (vertx-web 4.0 to 5.x), read at scrape time from
 * {@code Router#getRoutes()}.
 *
 * <p>Routers mounted in another router ({@code route("/api/*").subRouter(sub)}) are walked from their parent with
 * the mount path as prefix and are not reported again on their own; every other router counts as a root, whether or
 * not it was handed to an {@code HttpServer} (a server often gets {@code req -> router.handle(req)}, which hides the
 * router, so attachment is not checked). Each route is reported once per method of {@code Route#methods()}, or with
 * method {@code *} when it has none; its template is {@link VertxRoute#template(Object)}. How one read degrades is
 * {@link RouterWalk}'s part.
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
        return new RouterWalk().read(routers);
    }
}
