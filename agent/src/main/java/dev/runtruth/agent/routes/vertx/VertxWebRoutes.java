package dev.runtruth.agent.routes.vertx;

import dev.runtruth.agent.routes.LayeredRouteSource;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The routes of every Vert.x Web router in this JVM (vertx-web 4.0 to 5.x), read at scrape time from
 * {@code Router#getRoutes()}.
 *
 * <p>Routers mounted in another router ({@code route("/api/*").subRouter(sub)}) are walked from their parent with
 * the mount path as prefix and are not reported again on their own; every other router counts as a root, whether or
 * not it was handed to an {@code HttpServer} (a server often gets {@code req -> router.handle(req)}, which hides the
 * router, so attachment is not checked). Each route is reported once per method of {@code Route#methods()}, or with
 * method {@code *} when it has none; its template is {@link VertxRoute#template(Object)}. A route that only hands requests to another
 * framework whose capture reports routes (Quarkus REST's dispatch routes, {@link VertxDispatchers}) is left out, as
 * the servlet capture leaves out dispatcher servlets. How one read degrades is {@link RouterWalk}'s part.
 */
public final class VertxWebRoutes implements LayeredRouteSource {

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

    /** @return the routes as if no other framework reported any: no route is left out as plumbing */
    @Override
    public List<Route> routes() {
        return routes(Collections.<String>emptySet());
    }

    @Override
    public List<Route> routes(Set<String> reporting) {
        return new RouterWalk(reporting).read(routers());
    }
}
