package dev.runtruth.agent.routes;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * All route sources of this JVM. Thread-safe; {@link #routes()} reads every source once, plain sources first and
 * {@link LayeredRouteSource}s last, merges them and drops duplicates (same framework, method and template). Caps are
 * applied at export, where what they drop is counted.
 */
public final class RouteRegistry {

    /**
     * Test-only hook, never set in production: {@code -Druntruth.test.failCapture=<framework>} (e.g. {@code
     * spring-webmvc}) makes reading that framework's routes throw, so the fault tests in {@code agent-tests} can prove
     * that a failure inside capture costs one warning and a {@code runtruth_capture_errors_total} increment, never
     * the application.
     */
    static final String FAIL_CAPTURE_PROPERTY = "runtruth.test.failCapture";

    private final Callable<List<FrameworkCapture>> captures;
    private List<RouteSource> sources; // guarded by this; created at the first read

    private RouteRegistry(Callable<List<FrameworkCapture>> captures) {
        this.captures = captures;
    }

    /**
     * A registry of the given captures' sources, created on the first {@link #routes()} call, so that an application
     * that is never scraped and uses none of the frameworks (a short-lived tool, a hello-world) never loads the
     * capture classes.
     *
     * @param captures called at most once, from the first {@link #routes()} call; its failure is recorded once
     * @return the registry
     */
    public static RouteRegistry of(Callable<List<FrameworkCapture>> captures) {
        return new RouteRegistry(captures);
    }

    /**
     * Reads every source now, each once.
     *
     * @return distinct routes sorted by template, then method, then framework
     */
    public List<Route> routes() {
        List<RouteSource> all = sources();
        Map<String, Route> distinct = new LinkedHashMap<String, Route>();
        Set<String> reporting = new HashSet<String>();
        for (RouteSource source : all) {
            if (!(source instanceof LayeredRouteSource)) {
                for (Route route : read(source, null)) {
                    reporting.add(route.framework());
                    put(distinct, route);
                }
            }
        }
        Set<String> reported = Collections.unmodifiableSet(reporting);
        for (RouteSource source : all) {
            if (source instanceof LayeredRouteSource) {
                for (Route route : read(source, reported)) {
                    put(distinct, route);
                }
            }
        }
        List<Route> routes = new ArrayList<Route>(distinct.values());
        Collections.sort(routes, ORDER);
        return routes;
    }

    /** @return the source's routes; none when it throws (recorded) */
    private static List<Route> read(RouteSource source, Set<String> reported) {
        try {
            return source instanceof LayeredRouteSource ? ((LayeredRouteSource) source).routes(reported)
                    : source.routes();
        } catch (Throwable t) {
            CaptureErrors.record("routes." + source.getClass().getName(), "reading routes failed", t);
            return Collections.emptyList();
        }
    }

    private static void put(Map<String, Route> distinct, Route route) {
        String id = route.framework() + ' ' + route.method() + ' ' + route.template();
        if (!distinct.containsKey(id)) {
            distinct.put(id, route);
        }
    }

    private synchronized List<RouteSource> sources() {
        if (sources == null) {
            List<RouteSource> created = new ArrayList<RouteSource>();
            try {
                for (FrameworkCapture capture : captures.call()) {
                    created.add(failingIfAsked(capture.framework(), capture.source()));
                }
            } catch (Throwable t) {
                CaptureErrors.record("routes.captures", "could not create the framework captures; no routes are "
                        + "reported", t);
            }
            sources = created;
        }
        return sources;
    }

    private static RouteSource failingIfAsked(final String framework, RouteSource source) {
        if (!framework.equals(System.getProperty(FAIL_CAPTURE_PROPERTY))) {
            return source;
        }
        return new RouteSource() {
            @Override
            public List<Route> routes() {
                throw new IllegalStateException("injected by -D" + FAIL_CAPTURE_PROPERTY + "=" + framework);
            }
        };
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
