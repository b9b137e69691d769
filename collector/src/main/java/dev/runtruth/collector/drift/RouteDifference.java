package dev.runtruth.collector.drift;

import dev.runtruth.model.Route;
import java.util.Collection;
import java.util.List;

/**
 * The route differences other commands need ({@code ladder}'s artifact and runtime rungs), computed with the one
 * matcher of {@code check} ({@link RouteMatcher}), so that no command can call a deployment stale where {@code check}
 * finds every route.
 */
public final class RouteDifference {

    private RouteDifference() {
    }

    /**
     * @param expected routes a build or document declares
     * @param served   routes a running process serves
     * @return the expected routes {@code served} does not serve, in the order of {@code expected} (served catch-alls
     *         prove nothing, see {@link RouteMatcher})
     */
    public static List<Route> notServed(Collection<Route> expected, Collection<Route> served) {
        RouteMatcher matcher = RouteMatcher.served(served);
        return expected.stream().filter(route -> !matcher.covers(route)).toList();
    }

    /**
     * @param routes   routes one expected input declares (e.g. the source's build output)
     * @param declared routes another expected input declares (e.g. the artifact)
     * @return the routes of {@code routes} that {@code declared} does not declare, in the order of {@code routes}
     */
    public static List<Route> notDeclared(Collection<Route> routes, Collection<Route> declared) {
        RouteMatcher matcher = RouteMatcher.betweenDeclared(declared);
        return routes.stream().filter(route -> !matcher.covers(route)).toList();
    }
}
