package dev.runtruth.collector.probe;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns a canonical path template ({@link dev.runtruth.model.PathTemplate}) into a request path by filling its
 * variables with placeholders:
 * <ul>
 *   <li>{@code {name}} and {@code {*name}}: the value given for {@code name} ({@code --path-var name=value}), else
 *       {@value #DEFAULT_VARIABLE} (digits pass both string and numeric variables and common {@code \d+} patterns);</li>
 *   <li>the wildcards {@code **} and {@code *}: {@value #WILDCARD}.</li>
 * </ul>
 * Values are percent-encoded as one path segment (RFC 3986 unreserved characters stay as they are).
 */
final class PathFiller {

    /** The placeholder of a path variable without a value of its own. */
    static final String DEFAULT_VARIABLE = "1";
    /** The placeholder of a {@code *} or {@code **} wildcard. */
    static final String WILDCARD = "runtruth-probe";

    private final Map<String, String> values;

    /** @param values placeholder per variable name; others get {@value #DEFAULT_VARIABLE} */
    PathFiller(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * @param template a canonical template, e.g. {@code /orders/{orderId}/lines/{lineNo}}
     * @return the path to request, e.g. {@code /orders/1/lines/1}
     */
    String fill(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end > 0) {
                String name = template.substring(i + 1, end);
                name = name.startsWith("*") ? name.substring(1) : name;
                out.append(encode(values.getOrDefault(name, DEFAULT_VARIABLE)));
                i = end + 1;
            } else if (c == '*') {
                out.append(WILDCARD);
                i = template.startsWith("**", i) ? i + 2 : i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xff;
            if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || "-._~".indexOf(ch) >= 0) {
                out.append((char) ch);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
