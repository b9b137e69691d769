package dev.runtruth.collector.drift;

import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares expected with observed routes by the rules of {@link RouteMatcher}: method and canonical template with
 * variable names and constraints erased; a served {@code *} route (any method) serves every method of its path, a
 * {@code *} segment (an unresolvable placeholder) matches any one segment. Framework and handler do not take part.
 *
 * <p>An instance holds the expected side's matcher, built once, and compares any number of instances with it (a fleet
 * of one service). Instances whose route lists are the same list object (as {@code serve}'s Prometheus reader gives
 * instances that serve the same routes) are matched once; up to {@value #MAX_REMEMBERED} such lists are remembered.
 * Not thread-safe.
 */
public final class DriftComparator {

    static final int MAX_REMEMBERED = 1024;

    private record Outcome(List<Route> missing, List<Route> unexpected, List<Route> ignored,
                           List<Route> fromLibraries, int matched) {
    }

    private final ExpectedRoutes expected;
    private final IgnoreRules rules;
    private final RouteMatcher declared;
    private final Map<List<Route>, Outcome> remembered = new IdentityHashMap<>();

    /**
     * @param expected what the build declares
     * @param rules    served routes to leave out of the unexpected list (see {@link IgnoreRules})
     */
    public DriftComparator(ExpectedRoutes expected, IgnoreRules rules) {
        this.expected = expected;
        this.rules = rules;
        this.declared = RouteMatcher.declared(expected.routes());
    }

    /**
     * @param expected what the build declares
     * @param observed what the running service serves
     * @param rules    served routes to leave out of the unexpected list (see {@link IgnoreRules})
     * @return missing, unexpected and ignored routes, the count of matches and the commit comparison
     */
    public static DriftReport compare(ExpectedRoutes expected, ObservedRoutes observed, IgnoreRules rules) {
        return new DriftComparator(expected, rules).compare(observed);
    }

    /**
     * @param observed what one running instance serves
     * @return its missing, unexpected and ignored routes, the count of matches and the commit comparison
     */
    public DriftReport compare(ObservedRoutes observed) {
        Outcome outcome = remembered.get(observed.routes());
        if (outcome == null) {
            outcome = match(observed.routes());
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(observed.routes(), outcome);
            }
        }
        CommitComparison commit = CommitComparison.of(expected.build().commit(), observed.build().commit());
        return new DriftReport(expected, observed, outcome.missing(), outcome.unexpected(), outcome.ignored(),
                outcome.fromLibraries(), outcome.matched(), commit, rules);
    }

    private Outcome match(List<Route> observed) {
        RouteMatcher served = RouteMatcher.served(observed);
        List<Route> missing = new ArrayList<>();
        int matched = 0;
        for (Route route : expected.routes()) {
            if (served.covers(route)) {
                matched++;
            } else {
                missing.add(route);
            }
        }
        List<Route> unexpected = new ArrayList<>();
        List<Route> ignored = new ArrayList<>();
        List<Route> fromLibraries = new ArrayList<>();
        for (Route route : observed) {
            if (declared.covers(route)) {
                continue;
            }
            if (rules.ignores(route)) {
                ignored.add(route);
            } else if (expected.libraries().libraryOf(route.handler()) != null) {
                fromLibraries.add(route);
            } else {
                unexpected.add(route);
            }
        }
        return new Outcome(List.copyOf(missing), List.copyOf(unexpected), List.copyOf(ignored),
                List.copyOf(fromLibraries), matched);
    }
}
