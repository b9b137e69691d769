package dev.runtruth.model;

/**
 * The one canonical form of an HTTP path template, used by the agent when it exports a route and by the collector
 * when it compares routes.
 *
 * <p>Canonical form ({@link #canonical(String)}):
 * <ul>
 *   <li>always starts with {@code /}; runs of {@code /} collapse to one; a trailing {@code /} is kept (Spring 6+ and
 *       JAX-RS treat {@code /a/} and {@code /a} as different routes);</li>
 *   <li>path variables are written {@code {name}}: Spring/JAX-RS {@code {name}}, Spring/JAX-RS with a regular
 *       expression {@code {name:regex}} (the constraint is dropped), Express-style {@code :name} (Javalin, Vert.x) and
 *       Javalin's {@code <name>} all become {@code {name}};</li>
 *   <li>Spring's capture-the-rest variable {@code {*name}} stays {@code {*name}}; the wildcards {@code *} (one segment)
 *       and {@code **} (any number of segments) stay as they are;</li>
 *   <li>RFC 6570 expressions as Micronaut writes them ({@code io.micronaut.http.uri.UriMatchTemplate}, Micronaut 1-4):
 *       query and fragment expansions ({@code {?max,offset}}, {@code {&page}}, {@code {#frag}}) are dropped, they are
 *       not part of the path; an optional path segment {@code {/name}} or {@code {/name:regex}} becomes
 *       {@code /{*name}}, Spring's "the rest of the path, or nothing", so {@code /files{/path:.*}} is
 *       {@code /files/{*path}}.</li>
 * </ul>
 *
 * <p>Two templates match ({@link #matchKey(String)}) when they are equal after variable names are erased: {@code
 * /owners/{id}} matches {@code /owners/{ownerId}}, because a client cannot tell them apart.
 */
public final class PathTemplate {

    private PathTemplate() {
    }

    /**
     * Returns the canonical form of a path template.
     *
     * @param raw a path template in any supported syntax, e.g. {@code /owners/{ownerId:\d+}} or {@code /users/:id};
     *            {@code null} or empty means the root {@code /}
     * @return the canonical template, never {@code null}, e.g. {@code /owners/{ownerId}}
     */
    public static String canonical(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(raw.length() + 1);
        if (raw.charAt(0) != '/') {
            out.append('/');
        }
        int i = 0;
        boolean segmentStart = out.length() == 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '/') {
                if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                    out.append('/');
                }
                segmentStart = true;
                i++;
            } else if (c == '{') {
                int end = closingBrace(raw, i);
                if (end < 0) {
                    out.append(raw, i, raw.length());
                    return out.toString();
                }
                String body = raw.substring(i + 1, end);
                char operator = body.isEmpty() ? ' ' : body.charAt(0);
                i = end + 1;
                if (operator == '?' || operator == '&' || operator == '#') {
                    continue; // RFC 6570 query or fragment expansion (Micronaut {?max,offset}): not part of the path
                }
                boolean optionalSegment = operator == '/'; // RFC 6570 path-segment expansion (Micronaut {/path:.*})
                if (optionalSegment) {
                    body = body.substring(1);
                    if (out.charAt(out.length() - 1) != '/') {
                        out.append('/');
                    }
                }
                int colon = body.indexOf(':');
                String name = (colon >= 0 ? body.substring(0, colon) : body).trim();
                out.append(optionalSegment ? "{*" : "{").append(name).append('}');
                segmentStart = false;
            } else if (c == ':' && segmentStart && i + 1 < raw.length() && isNameChar(raw.charAt(i + 1))) {
                int end = i + 1;
                while (end < raw.length() && isNameChar(raw.charAt(end))) {
                    end++;
                }
                out.append('{').append(raw, i + 1, end).append('}');
                segmentStart = false;
                i = end;
            } else if (c == '<') {
                int end = raw.indexOf('>', i);
                if (end < 0) {
                    out.append(raw, i, raw.length());
                    return out.toString();
                }
                out.append('{').append(raw, i + 1, end).append('}');
                segmentStart = false;
                i = end + 1;
            } else {
                out.append(c);
                segmentStart = false;
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Returns the comparison key of a path template: its canonical form with variable names erased ({@code {}} for
     * a variable, {@code {*}} for a capture-the-rest variable).
     *
     * @param raw a path template in any supported syntax
     * @return the key; two templates a client cannot tell apart have equal keys
     */
    public static String matchKey(String raw) {
        String canonical = canonical(raw);
        StringBuilder out = new StringBuilder(canonical.length());
        int i = 0;
        while (i < canonical.length()) {
            char c = canonical.charAt(i);
            if (c == '{') {
                int end = canonical.indexOf('}', i);
                if (end < 0) {
                    out.append(canonical, i, canonical.length());
                    break;
                }
                out.append(canonical.charAt(i + 1) == '*' ? "{*}" : "{}");
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Says whether a template answers paths it does not name: it has a wildcard segment ({@code *}: any one segment,
     * {@code **}: any number) or a capture-the-rest variable ({@code {*rest}}). Such a route (a default servlet's
     * {@code /**}, Vert.x' {@code /*} and path-less routes, Quarkus' internal handlers, static resources) proves
     * nothing about a concrete path: matching treats it so (docs/path-templates.md).
     *
     * @param raw a path template in any supported syntax
     * @return whether it is a catch-all
     */
    public static boolean isCatchAll(String raw) {
        for (String segment : canonical(raw).split("/", -1)) {
            if (segment.equals("*") || segment.equals("**") || segment.startsWith("{*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Joins path prefixes (context path, servlet path, class-level mapping) and a template into one canonical template.
     *
     * @param parts path fragments in request order; {@code null} and empty parts are skipped
     * @return the canonical template of the joined path
     */
    public static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            joined.append('/').append(part);
        }
        return canonical(joined.toString());
    }

    /** Finds the brace that closes the one at {@code open}, allowing nested braces inside a regex constraint. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
