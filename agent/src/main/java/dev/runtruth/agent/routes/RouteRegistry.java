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
 * {@link LayeredRouteSource}s last, merges them and drops duplicates (same framework, method, template and port). Caps are
 * applied at export, where what they drop is counted.
 */
public final class RouteRegistry {

    private final Callable<List<FrameworkCapture>> captures;
    private final Runnable beforeEachRead;
    private List<FrameworkCapture> captured; // guarded by this; created at the first read

    private RouteRegistry(Callable<List<FrameworkCapture>> captures, Runnable beforeEachRead) {
        this.captures = captures;
        this.beforeEachRead = beforeEachRead;
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
        return of(captures, new Runnable() {
            @Override
            public void run() {
            }
        });
    }

    /**
     * @param captures       as for {@link #of(Callable)}
     * @param beforeEachRead run at the start of every {@link #read()} (hook-free discovery's look for new objects);
     *                       must not throw
     * @return the registry
     */
    public static RouteRegistry of(Callable<List<FrameworkCapture>> captures, Runnable beforeEachRead) {
        return new RouteRegistry(captures, beforeEachRead);
    }

    /**
     * Reads every source now, each once.
     *
     * @return distinct routes sorted by template, then method, then framework
     */
    public List<Route> routes() {
        return read().routes();
    }

    /**
     * Reads every source now, each once, counting the failures recorded in {@link CaptureErrors} during each read.
     *
     * @return the merged routes and what each capture's read gave; never throws
     */
    public RouteRead read() {
        beforeEachRead.run();
        List<FrameworkCapture> all = captures();
        Map<String, Route> distinct = new LinkedHashMap<String, Route>();
        List<RouteRead.Outcome> outcomes = new ArrayList<RouteRead.Outcome>();
        Set<String> reporting = new HashSet<String>();
        for (FrameworkCapture capture : all) {
            if (!(capture.source() instanceof LayeredRouteSource)) {
                RouteRead.Outcome outcome = read(capture, null);
                outcomes.add(outcome);
                for (Route route : outcome.routes()) {
                    reporting.add(route.framework());
                }
            }
        }
        Set<String> reported = Collections.unmodifiableSet(reporting);
        for (FrameworkCapture capture : all) {
            if (capture.source() instanceof LayeredRouteSource) {
                outcomes.add(read(capture, reported));
            }
        }
        for (RouteRead.Outcome outcome : outcomes) {
            for (Route route : outcome.routes()) {
                put(distinct, route);
            }
        }
        List<Route> routes = new ArrayList<Route>(distinct.values());
        Collections.sort(routes, ORDER);
        return new RouteRead(routes, outcomes);
    }

    /** @return the capture's routes and the failures recorded while reading them; none when it throws (recorded) */
    private static RouteRead.Outcome read(FrameworkCapture capture, Set<String> reported) {
        RouteSource source = capture.source();
        CaptureErrors.Tally tally = CaptureErrors.openTally();
        List<Route> routes;
        try {
            routes = source instanceof LayeredRouteSource ? ((LayeredRouteSource) source).routes(reported)
                    : source.routes();
        } catch (Throwable t) {
            CaptureErrors.record("routes." + capture.name(), "reading the routes of " + capture.name() + " failed", t);
            routes = Collections.emptyList();
        } finally {
            tally.close();
        }
        return new RouteRead.Outcome(capture, new ArrayList<Route>(routes), tally.count(), tally.first());
    }

    private static void put(Map<String, Route> distinct, Route route) {
        String id = route.framework() + ' ' + route.method() + ' ' + route.template() + ' ' + route.port();
        if (!distinct.containsKey(id)) {
            distinct.put(id, route);
        }
    }

    private synchronized List<FrameworkCapture> captures() {
        if (captured == null) {
            List<FrameworkCapture> created = new ArrayList<FrameworkCapture>();
            try {
                for (FrameworkCapture capture : captures.call()) {
                    created.add(capture);
                }
            } catch (Throwable t) {
                CaptureErrors.record("routes.captures", "could not create the framework captures; no routes are "
                        + "reported", t);
            }
            captured = created;
        }
        return captured;
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
