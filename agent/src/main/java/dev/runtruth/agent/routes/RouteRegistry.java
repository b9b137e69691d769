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

    /**
     * Test-only hook, never set in production: {@code -Druntruth.test.failCapture=<framework>} (e.g. {@code
     * spring-webmvc}) makes reading that framework's routes throw, so the fault tests in {@code agent-tests} can prove
     * that a failure inside capture costs one warning and a {@code runtruth_capture_errors_total} increment, never
     * the application.
     */
    static final String FAIL_CAPTURE_PROPERTY = "runtruth.test.failCapture";

    private final List<RouteSource> sources = new CopyOnWriteArrayList<RouteSource>();
    private final int maxRoutes;
    private volatile long dropped;

    /** A registry capped at {@link #MAX_ROUTES}. */
    public RouteRegistry() {
        this(MAX_ROUTES);
    }

    /** @param maxRoutes most routes {@link #routes()} returns; the agent passes its {@code max_routes} option */
    public RouteRegistry(int maxRoutes) {
        this.maxRoutes = maxRoutes;
    }

    /** @param source a framework's route source, added once when the framework is first seen */
    public void add(RouteSource source) {
        sources.add(source);
    }

    /**
     * @param framework the {@code framework} label of the source, for the test-only failure hook
     * @param source    a framework's route source
     */
    public void add(final String framework, RouteSource source) {
        if (framework.equals(System.getProperty(FAIL_CAPTURE_PROPERTY))) {
            sources.add(new RouteSource() {
                @Override
                public List<Route> routes() {
                    throw new IllegalStateException("injected by -D" + FAIL_CAPTURE_PROPERTY + "=" + framework);
                }
            });
        } else {
            sources.add(source);
        }
    }

    /**
     * Reads every source now.
     *
     * @return distinct routes sorted by template then method, at most the cap given to the constructor
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
        if (routes.size() > maxRoutes) {
            dropped = routes.size() - maxRoutes;
            routes = new ArrayList<Route>(routes.subList(0, maxRoutes));
        } else {
            dropped = 0;
        }
        return routes;
    }

    /** @return how many routes the last {@link #routes()} call dropped because of the cap */
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
