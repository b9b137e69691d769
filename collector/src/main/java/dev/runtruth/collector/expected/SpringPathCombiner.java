package dev.runtruth.collector.expected;

import dev.runtruth.model.PathTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Combines a class-level and a method-level {@code @RequestMapping} path the way Spring Framework 6.2 does
 * ({@code PathPatternsRequestCondition.combine} and {@code PathPattern.combine}): every class path with every method
 * path; an empty side yields the other; {@code /*} + {@code /hotel} is {@code /hotel} (a variable-free class pattern
 * that matches the method pattern yields the method pattern); {@code /hotels/*} + {@code /booking} is {@code
 * /hotels/booking} (so is {@code /hotels/**}); {@code /*.html} + {@code /hotel} is {@code /hotel.html}; otherwise
 * the two are concatenated, which {@link PathTemplate#join} does (and canonicalises).
 */
final class SpringPathCombiner {

    private SpringPathCombiner() {
    }

    /**
     * @param typePaths   the class-level paths, empty when the class has no mapping or no path
     * @param methodPaths the method-level paths, empty when the mapping has no path
     * @return the canonical combined templates, in a stable order, never empty ({@code /} when both are empty)
     */
    static List<String> combine(List<String> typePaths, List<String> methodPaths) {
        Set<String> out = new LinkedHashSet<>();
        List<String> types = withLeadingSlash(typePaths);
        List<String> methods = withLeadingSlash(methodPaths);
        if (types.isEmpty() && methods.isEmpty()) {
            out.add(PathTemplate.canonical(""));
        } else if (types.isEmpty()) {
            methods.forEach(m -> out.add(PathTemplate.canonical(m)));
        } else if (methods.isEmpty()) {
            types.forEach(t -> out.add(PathTemplate.canonical(t)));
        } else {
            for (String type : types) {
                for (String method : methods) {
                    out.add(combine(type, method));
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code PathPattern.combine} for two patterns that already start with {@code /} (or are empty). */
    static String combine(String type, String method) {
        if (type.isEmpty() || method.isEmpty()) {
            return PathTemplate.canonical(type.isEmpty() ? method : type);
        }
        boolean captures = type.contains("{");
        if (!type.equals(method) && !captures && matches(type, method)) {
            return PathTemplate.canonical(method);
        }
        if (type.endsWith("/*") || type.endsWith("/**")) {
            // Spring cuts two characters: "/hotels/*" -> "/hotels", "/hotels/**" -> "/hotels/"
            return PathTemplate.join(type.substring(0, type.length() - 2), method);
        }
        int starDot = type.indexOf("*.");
        if (captures || starDot == -1) {
            return PathTemplate.join(type, method);
        }
        // /*.html + /hotel => /hotel.html; /*.html + /hotel.* => /hotel.html
        String firstExtension = type.substring(starDot + 1);
        int dot = method.indexOf('.');
        String file = dot == -1 ? method : method.substring(0, dot);
        String secondExtension = dot == -1 ? "" : method.substring(dot);
        boolean firstWild = firstExtension.equals(".*") || firstExtension.isEmpty();
        boolean secondWild = secondExtension.equals(".*") || secondExtension.isEmpty();
        if (!firstWild && !secondWild) {
            // Spring refuses to start with such a mapping; keep the plain concatenation as the best description
            return PathTemplate.join(type, method);
        }
        return PathTemplate.canonical(file + (firstWild ? secondExtension : firstExtension));
    }

    private static List<String> withLeadingSlash(List<String> paths) {
        List<String> out = new ArrayList<>(paths.size());
        for (String path : paths) {
            out.add(!path.isBlank() && !path.startsWith("/") ? "/" + path : path);
        }
        return out;
    }

    /** Does {@code pattern} (wildcards {@code ?}, {@code *}, {@code **}; no variables) match {@code path} literally? */
    static boolean matches(String pattern, String path) {
        return matchSegments(pattern.split("/", -1), 0, path.split("/", -1), 0);
    }

    private static boolean matchSegments(String[] pattern, int p, String[] path, int s) {
        if (p == pattern.length) {
            return s == path.length;
        }
        if (pattern[p].equals("**")) {
            for (int skip = s; skip <= path.length; skip++) {
                if (matchSegments(pattern, p + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (s == path.length || !segmentMatches(pattern[p], path[s])) {
            return false;
        }
        return matchSegments(pattern, p + 1, path, s + 1);
    }

    private static boolean segmentMatches(String pattern, String segment) {
        if (pattern.equals("*")) {
            return !segment.isEmpty();
        }
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return pattern.equals(segment);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return segment.matches(regex.toString());
    }
}
