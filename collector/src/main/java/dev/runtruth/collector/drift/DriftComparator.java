package dev.runtruth.collector.drift;

import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares expected with observed routes by the rules of {@link RouteMatcher}: method and canonical template with
 * variable names and constraints erased; a served {@code *} route (any method) serves every method of its path, a
 * {@code *} segment (an unresolvable placeholder) matches any one segment. Framework and handler do not take part.
 */
public final class DriftComparator {

    private DriftComparator() {
    }

    /**
     * @param expected what the build declares
     * @param observed what the running service serves
     * @param rules    served routes to leave out of the unexpected list (see {@link IgnoreRules})
     * @return missing, unexpected and ignored routes, the count of matches and the commit comparison
     */
    public static DriftReport compare(ExpectedRoutes expected, ObservedRoutes observed, IgnoreRules rules) {
        RouteMatcher served = new RouteMatcher(observed.routes());
        RouteMatcher declared = new RouteMatcher(expected.routes());
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
        for (Route route : observed.routes()) {
            if (!declared.covers(route)) {
                (rules.ignores(route) ? ignored : unexpected).add(route);
            }
        }
        CommitComparison commit = CommitComparison.of(expected.build().commit(), observed.build().commit());
        return new DriftReport(expected, observed, missing, unexpected, ignored, matched, commit, rules);
    }
}
