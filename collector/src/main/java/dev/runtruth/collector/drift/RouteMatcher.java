package dev.runtruth.collector.drift;

import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether one side has a route that answers a route of the other side: the one matcher of {@code check},
 * {@code ladder}, {@code probe}, {@code serve} and the comparison of several expected inputs. The rules (also in
 * {@code docs/path-templates.md}, tested row by row in {@code RouteMatcherTest}):
 * <ol>
 *   <li>templates are compared on their {@linkplain PathTemplate#matchKey match key}: variable names and regular
 *       expression constraints do not count ({@code /owners/{id}} = {@code /owners/{ownerId:\d+}}): OpenAPI cannot
 *       write a constraint in a path, and a client cannot tell the two apart for the values both accept;</li>
 *   <li>a route whose method is {@code *} (Spring {@code @RequestMapping} without a method, a servlet) answers every
 *       method: it covers {@code GET /x}, {@code POST /x}, ... on the other side; a route with a method never covers a
 *       {@code *} route (it answers only one method);</li>
 *   <li>a segment that is exactly {@code *} in an <em>expected</em> route (an unresolvable {@code ${...}} placeholder,
 *       a server variable without default: the part is unknown, not absent) matches any one segment of the other
 *       side;</li>
 *   <li>a <em>served</em> catch-all never proves that a concrete expected route exists: a served {@code *} segment,
 *       {@code **} or {@code {*rest}} covers only the same template ({@code * /**} of a default servlet, Vert.x'
 *       {@code /*} and Quarkus' internal handlers answer any path, so they say nothing about {@code GET /orders}).</li>
 * </ol>
 * Exact keys are looked up in a hash set; the wildcard rule is tried only for routes without an exact match.
 */
final class RouteMatcher {

    private final Set<String> keys = new HashSet<>();
    private final Set<String> anyMethodTemplates = new HashSet<>();
    private final List<Route> routes;
    private final boolean wildHere;
    private final boolean wildThere;

    private RouteMatcher(Collection<Route> routes, boolean wildHere, boolean wildThere) {
        this.routes = new ArrayList<>(routes);
        this.wildHere = wildHere;
        this.wildThere = wildThere;
        for (Route route : routes) {
            keys.add(route.key());
            if (route.method().equals(Route.ANY_METHOD)) {
                anyMethodTemplates.add(PathTemplate.matchKey(route.template()));
            }
        }
    }

    /**
     * @param served the routes a running service serves
     * @return a matcher that says whether they serve an expected route (rule 4: their wildcards prove nothing)
     */
    static RouteMatcher served(Collection<Route> served) {
        return new RouteMatcher(served, false, true);
    }

    /**
     * @param declared the routes a build or document declares
     * @return a matcher that says whether they declare a served route
     */
    static RouteMatcher declared(Collection<Route> declared) {
        return new RouteMatcher(declared, true, false);
    }

    /**
     * @param declared the routes of one expected input
     * @return a matcher that says whether they declare a route of another expected input ({@code *} on either side)
     */
    static RouteMatcher betweenDeclared(Collection<Route> declared) {
        return new RouteMatcher(declared, true, true);
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
        boolean wildThereNow = wildThere && hasWildcard(segments);
        for (Route candidate : routes) {
            if (!methodCovers(candidate.method(), route.method())) {
                continue;
            }
            String[] other = segments(candidate);
            boolean wildHereNow = wildHere && hasWildcard(other);
            if ((wildHereNow || wildThereNow) && segmentsMatch(other, wildHere, segments, wildThere)) {
                return true;
            }
        }
        return false;
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

    /** Segment by segment: equal, or a {@code *} on a side whose wildcards count. */
    private static boolean segmentsMatch(String[] a, boolean aWild, String[] b, boolean bWild) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i]) && !(aWild && a[i].equals("*")) && !(bWild && b[i].equals("*"))) {
                return false;
            }
        }
        return true;
    }
}
