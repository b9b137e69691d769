package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.model.PathTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a Jersey {@code ServletContainer} used as a servlet <em>filter</em> lets through: Jersey matches a route
 * against the whole path below its base (context path + {@code jersey.config.servlet.filter.contextPath}), but only
 * requests that the filter's url-patterns select reach it. So a route is served at the paths that both accept.
 *
 * <p>Spring Cloud Netflix's Eureka server (4.x) maps the filter to {@code /eureka/*} and sets no filter context path:
 * Eureka's {@code @Path("{version}/apps")} is then served as {@code /eureka/apps} ({@code version} is always
 * {@code eureka}), and a route whose leading literal is not {@code eureka} is never served.
 *
 * <p>Rule per url-pattern (Servlet spec 12.2): {@code /*} and {@code /} let everything through; a prefix pattern
 * {@code /a/b/*} binds the route's first segments to {@code a}, {@code b}: a literal segment must be equal, a
 * segment that is one whole variable ({@code {v}}) takes the literal (the route arrives canonical, its regex
 * constraints already dropped: a constrained variable is taken to accept the literal), anything else (a partial variable, a wildcard) keeps the route as it is; an exact pattern must equal the
 * bound route; an extension pattern ({@code *.json}) or a mapping by servlet name lets everything through.
 */
final class FilterMapping {

    private FilterMapping() {
    }

    /**
     * @param contextPath the servlet context path, {@code ""} for the root
     * @param route       a route's full path (context path included), canonical template
     * @param urlPatterns the filter's url-patterns (relative to the context), {@code null} or empty for no restriction
     * @return the paths at which the filter passes requests of {@code route} to Jersey: usually one (the route,
     *         perhaps with leading variables bound), none when no pattern reaches it
     */
    static List<String> served(String contextPath, String route, Collection<String> urlPatterns) {
        List<String> out = new ArrayList<String>();
        if (urlPatterns == null || urlPatterns.isEmpty()) {
            out.add(route);
            return out;
        }
        String context = contextPath == null || contextPath.equals("/") ? "" : contextPath;
        if (!context.isEmpty() && !(route.equals(context) || route.startsWith(context + "/"))) {
            return out;
        }
        String rest = route.substring(context.length());
        for (String pattern : urlPatterns) {
            String bound = bind(rest, pattern);
            if (bound != null) {
                String path = PathTemplate.join(context, bound);
                if (!out.contains(path)) {
                    out.add(path);
                }
            }
        }
        return out;
    }

    /** @return {@code rest} as served through {@code pattern}, or {@code null} when the pattern never passes it */
    private static String bind(String rest, String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.equals("/") || pattern.equals("/*")
                || pattern.startsWith("*.") || !pattern.startsWith("/")) {
            return rest;
        }
        boolean prefix = pattern.endsWith("/*");
        String[] fixed = segments(prefix ? pattern.substring(0, pattern.length() - 2) : pattern);
        String[] route = segments(rest);
        if (route.length < fixed.length) {
            return null; // a route shorter than the prefix: the filter sees only longer paths (or the prefix itself)
        }
        StringBuilder bound = new StringBuilder();
        for (int i = 0; i < route.length; i++) {
            String segment = route[i];
            if (i < fixed.length) {
                String literal = fixed[i];
                if (!segment.equals(literal)) {
                    if (segment.indexOf('*') >= 0 || !isWholeVariable(segment) && segment.indexOf('{') >= 0) {
                        return rest; // a wildcard or partial variable: cannot be bound segment by segment
                    }
                    if (!isWholeVariable(segment)) {
                        return null;
                    }
                    segment = literal;
                }
            }
            bound.append('/').append(segment);
        }
        if (!prefix && route.length != fixed.length) {
            return null;
        }
        if (rest.endsWith("/") && route.length > 0) {
            bound.append('/');
        }
        return bound.length() == 0 ? "/" : bound.toString();
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    private static boolean isWholeVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('{', 1) < 0
                && !segment.startsWith("{*");
    }
}
