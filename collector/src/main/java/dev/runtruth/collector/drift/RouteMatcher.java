package dev.runtruth.collector.drift;

import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether one side has a route that answers a route of the other side. The rules (also in {@code
 * docs/path-templates.md}):
 * <ol>
 *   <li>templates are compared on their {@linkplain PathTemplate#matchKey match key}: variable names and regular
 *       expression constraints do not count ({@code /owners/{id}} = {@code /owners/{ownerId:\d+}}): OpenAPI cannot
 *       write a constraint in a path, and a client cannot tell the two apart for the values both accept;</li>
 *   <li>a route whose method is {@code *} (Spring {@code @RequestMapping} without a method, a servlet) answers every
 *       method: it covers {@code GET /x}, {@code POST /x}, ... on the other side; a route with a method never covers a
 *       {@code *} route (it answers only one method);</li>
 *   <li>a segment that is exactly {@code *} (one segment of anything: an unresolvable {@code ${...}} placeholder, a
 *       server variable without default, a Spring {@code *}) matches any one segment of the other template, on either
 *       side; {@code **} and {@code {*rest}} match only themselves.</li>
 * </ol>
 * Exact keys are looked up in a hash set; the wildcard rules are tried only for routes without an exact match.
 */
final class RouteMatcher {

    private final Set<String> keys = new HashSet<>();
    private final Set<String> anyMethodTemplates = new HashSet<>();
    private final List<Route> routes;

    /** @param routes the side to search */
    RouteMatcher(Collection<Route> routes) {
        this.routes = new ArrayList<>(routes);
        for (Route route : routes) {
            keys.add(route.key());
            if (route.method().equals(Route.ANY_METHOD)) {
                anyMethodTemplates.add(PathTemplate.matchKey(route.template()));
            }
        }
    }

    /**
     * @param route a route of the other side
     * @return whether a route of this side covers it by the rules above
     */
    boolean covers(Route route) {
        if (keys.contains(route.key()) || anyMethodTemplates.contains(PathTemplate.matchKey(route.template()))) {
            return true;
        }
        String[] segments = segments(route);
        boolean wild = hasWildcard(segments);
        for (Route candidate : routes) {
            if (!methodCovers(candidate.method(), route.method())) {
                continue;
            }
            String[] other = segments(candidate);
            if ((wild || hasWildcard(other)) && segmentsMatch(other, segments)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param coverer a route that answers requests
     * @param covered a route of the other side
     * @return whether {@code coverer} answers {@code covered} by the rules above
     */
    static boolean covers(Route coverer, Route covered) {
        return methodCovers(coverer.method(), covered.method())
                && segmentsMatch(segments(coverer), segments(covered));
    }

    private static boolean methodCovers(String coverer, String covered) {
        return coverer.equals(covered) || coverer.equals(Route.ANY_METHOD);
    }

    private static String[] segments(Route route) {
        return PathTemplate.matchKey(route.template()).split("/", -1);
    }

    private static boolean hasWildcard(String[] segments) {
        for (String segment : segments) {
            if (segment.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean segmentsMatch(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i]) && !a[i].equals("*") && !b[i].equals("*")) {
                return false;
            }
        }
        return true;
    }
}
