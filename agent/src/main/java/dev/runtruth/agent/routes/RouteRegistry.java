package dev.runtruth.agent.routes;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All route sources of this JVM. Thread-safe; {@link #routes()} merges the sources, drops duplicates (same framework,
 * method and template) and caps the result at {@link #MAX_ROUTES} so a runaway registration cannot blow up the
 * metrics endpoint.
 */
public final class RouteRegistry {

    /** Upper bound of routes exported per JVM; beyond it routes are dropped and counted. */
    public static final int MAX_ROUTES = 10000;

    private final List<RouteSource> sources = new CopyOnWriteArrayList<RouteSource>();
    private volatile long dropped;

    /** @param source a framework's route source, added once when the framework is first seen */
    public void add(RouteSource source) {
        sources.add(source);
    }

    /**
     * Reads every source now.
     *
     * @return distinct routes sorted by template then method, at most {@link #MAX_ROUTES}
     */
    public List<Route> routes() {
        Map<String, Route> distinct = new LinkedHashMap<String, Route>();
        for (RouteSource source : sources) {
            try {
                for (Route route : source.routes()) {
                    String id = route.framework() + ' ' + route.method() + ' ' + route.template();
                    if (!distinct.containsKey(id)) {
                        distinct.put(id, route);
                    }
                }
            } catch (Throwable t) {
                CaptureErrors.record("routes." + source.getClass().getName(), "reading routes failed", t);
            }
        }
        List<Route> routes = new ArrayList<Route>(distinct.values());
        Collections.sort(routes, ORDER);
        if (routes.size() > MAX_ROUTES) {
            dropped = routes.size() - MAX_ROUTES;
            routes = new ArrayList<Route>(routes.subList(0, MAX_ROUTES));
        } else {
            dropped = 0;
        }
        return routes;
    }

    /** @return how many routes the last {@link #routes()} call dropped because of {@link #MAX_ROUTES} */
    public long dropped() {
        return dropped;
    }

    private static final Comparator<Route> ORDER = new Comparator<Route>() {
        @Override
        public int compare(Route a, Route b) {
            int c = a.template().compareTo(b.template());
            if (c == 0) {
                c = a.method().compareTo(b.method());
            }
            return c != 0 ? c : a.framework().compareTo(b.framework());
        }
    };
}
