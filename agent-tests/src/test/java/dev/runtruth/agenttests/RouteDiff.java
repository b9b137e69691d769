package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The difference of two route sets, as text for failure messages. */
final class RouteDiff {

    private RouteDiff() {
    }

    /**
     * @return an empty string when both sets are equal, else the routes missing from {@code actual} and the routes
     *         only in {@code actual}, sorted
     */
    static String describe(String expectedName, Set<Route> expected, String actualName, Set<Route> actual) {
        Set<Route> missing = minus(expected, actual);
        Set<Route> extra = minus(actual, expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return "";
        }
        return "in " + expectedName + " but not in " + actualName + " (" + missing.size() + "):" + lines(missing)
                + "\nin " + actualName + " but not in " + expectedName + " (" + extra.size() + "):" + lines(extra);
    }

    static String lines(Collection<Route> routes) {
        return routes.stream().map(r -> "\n  " + r + (r.handler().isEmpty() ? "" : "   <- " + r.handler()))
                .collect(Collectors.joining());
    }

    private static Set<Route> minus(Set<Route> a, Set<Route> b) {
        Set<Route> result = new TreeSet<>(Comparator.comparing(Route::template).thenComparing(Route::method));
        a.stream().filter(r -> !b.contains(r)).forEach(result::add);
        return result;
    }
}
