package dev.runtruth.collector.expected.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves {@code ${...}} placeholders in mapping paths the way Spring's {@code PropertyPlaceholderHelper} does
 * (Spring Framework 5.3 to 7): {@code ${key}}, {@code ${key:default}} (the default may itself hold placeholders),
 * nested keys {@code ${${a}.b}}, values that hold placeholders, at most {@link #MAX_DEPTH} levels deep.
 *
 * <p>A placeholder that the configuration does not set and that has no default is what an environment variable or a
 * command-line argument sets in production: it becomes the wildcard {@code *} (one path segment, see {@code
 * docs/path-templates.md}) and the caller gets one warning naming the placeholder, never a silent miss.
 */
public final class PlaceholderResolver {

    /** Deepest nesting of placeholders in placeholders followed; deeper (or cyclic) ones count as unresolvable. */
    public static final int MAX_DEPTH = 16;

    /** What an unresolvable placeholder becomes. */
    public static final String WILDCARD = "*";

    private final SpringConfiguration configuration;

    /** @param configuration where placeholder values come from */
    public PlaceholderResolver(SpringConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * @param paths    mapping paths, possibly with placeholders
     * @param where    names the declaration in warnings, e.g. {@code com.example.Api#hello}
     * @param warnings receives one line per path with an unresolvable placeholder
     * @return the paths with placeholders resolved; unresolvable ones replaced by {@value #WILDCARD}
     */
    public List<String> resolve(List<String> paths, String where, Consumer<String> warnings) {
        List<String> out = new ArrayList<>(paths.size());
        for (String path : paths) {
            if (!path.contains("${")) {
                out.add(path);
                continue;
            }
            List<String> missing = new ArrayList<>();
            String resolved = resolve(path, 0, missing);
            if (!missing.isEmpty()) {
                warnings.accept(where + ": path '" + path + "': placeholder " + String.join(", ", missing)
                        + " not set in the build's application properties/YAML (profiles "
                        + String.join(",", configuration.profiles()) + "); read as '" + resolved
                        + "', where * matches any one segment");
            }
            out.add(resolved);
        }
        return out;
    }

    private String resolve(String text, int depth, List<String> missing) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = closing(text, start + 2);
            if (end < 0) {
                out.append(text, start, text.length()); // Spring leaves an unclosed "${" as it is
                break;
            }
            String body = text.substring(start + 2, end);
            int colon = separator(body);
            String key = colon < 0 ? body : body.substring(0, colon);
            String fallback = colon < 0 ? null : body.substring(colon + 1);
            if (depth >= MAX_DEPTH) {
                missing.add("${" + body + "} (nested too deep or cyclic)");
                out.append(WILDCARD);
            } else {
                String resolvedKey = resolve(key, depth + 1, missing);
                String value = configuration.property(resolvedKey);
                if (value != null) {
                    out.append(resolve(value, depth + 1, missing));
                } else if (fallback != null) {
                    out.append(resolve(fallback, depth + 1, missing));
                } else {
                    missing.add("${" + resolvedKey + "}");
                    out.append(WILDCARD);
                }
            }
            i = end + 1;
        }
        return out.toString();
    }

    /** @return the index of the {@code }} that closes a placeholder whose body starts at {@code from}, or -1 */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '{') {
                depth++; // a path variable inside a default: ${base:/items/{id}}
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** @return the index of the first {@code :} outside nested placeholders, or -1 */
    private static int separator(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
