package dev.runtruth.collector.expected.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path prefix a Server Object list gives the operations below it (OpenAPI 3.0.3 and 3.1.0, section 4.8.5
 * "Server Object"; Swagger 2.0's {@code basePath} is the same idea, see {@link #basePath}).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>server variables {@code {name}} are replaced by their {@code default} (required by the spec); a variable
 *       without one, or not declared, becomes the wildcard segment {@code *} with a warning;</li>
 *   <li>the path is what follows the scheme and authority of an absolute URL ({@code https://h:8080/api} gives
 *       {@code /api}, {@code https:///api} too); a URL starting with {@code /} is that path; a relative URL without a
 *       leading {@code /} ({@code v1}, {@code ./v1}) is relative to where the document is served, which a file does
 *       not say: it is read from the root ({@code /v1}) with a warning; query and fragment are dropped;</li>
 *   <li>no {@code servers}, or an empty list, means the single server {@code /} (the spec's default);</li>
 *   <li>several servers are alternatives (production, staging, ...): when their paths differ the first is used and a
 *       warning names the others.</li>
 * </ol>
 */
final class ServerPaths {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private ServerPaths() {
    }

    /**
     * @param servers  a {@code servers} array, or {@code null} when the object has none
     * @param fallback the prefix when {@code servers} is {@code null} or empty: the enclosing level's
     * @param where    names the level in warnings, e.g. {@code openapi.yaml} or {@code openapi.yaml paths./pets}
     * @param warnings receives one line per problem
     * @return the path prefix without a trailing {@code /}, {@code ""} for the root
     */
    static String prefix(JsonNode servers, String fallback, String where, Consumer<String> warnings) {
        if (servers == null || !servers.isArray() || servers.isEmpty()) {
            if (servers != null && !servers.isArray()) {
                warnings.accept(where + ": 'servers' is not an array; ignored");
            }
            return fallback;
        }
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode server : servers) {
            String url = server.path("url").asText(null);
            if (url == null) {
                warnings.accept(where + ": a server has no 'url'; ignored");
                continue;
            }
            paths.add(path(expand(url, server.path("variables"), where, warnings), where, warnings));
        }
        if (paths.isEmpty()) {
            return fallback;
        }
        List<String> distinct = new ArrayList<>(paths);
        if (distinct.size() > 1) {
            warnings.accept(where + ": servers give different paths " + display(distinct) + "; the routes use the"
                    + " first, " + display(distinct.subList(0, 1)));
        }
        return distinct.get(0);
    }

    /**
     * @param basePath Swagger 2.0 {@code basePath} (must start with {@code /}), or {@code null}
     * @return the prefix without a trailing {@code /}, {@code ""} for none
     */
    static String basePath(String basePath) {
        return trimTrailingSlash(basePath == null ? "" : basePath.strip());
    }

    private static String expand(String url, JsonNode variables, String where, Consumer<String> warnings) {
        Matcher m = VARIABLE.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode value = variables.path(name).path("default");
            String replacement;
            if (value.isValueNode() && !value.isNull()) {
                replacement = value.asText();
            } else {
                warnings.accept(where + ": server variable '" + name + "' of '" + url + "' has no default; its"
                        + " segment matches anything (*)");
                replacement = "*";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String path(String url, String where, Consumer<String> warnings) {
        String rest = url.strip();
        int cut = indexOfAny(rest, '?', '#');
        if (cut >= 0) {
            rest = rest.substring(0, cut);
        }
        Matcher scheme = SCHEME.matcher(rest);
        if (scheme.find()) {
            rest = rest.substring(scheme.end());
            if (rest.startsWith("//")) {
                rest = stripAuthority(rest);
            }
        } else if (rest.startsWith("//")) {
            rest = stripAuthority(rest);
        } else if (!rest.startsWith("/")) {
            String relative = rest;
            while (rest.startsWith("./")) {
                rest = rest.substring(2);
            }
            rest = rest.equals(".") ? "/" : "/" + rest;
            warnings.accept(where + ": server url '" + relative + "' is relative to where the document is served;"
                    + " read as '" + rest + "'");
        }
        return trimTrailingSlash(rest);
    }

    private static String stripAuthority(String s) {
        int slash = s.indexOf('/', 2);
        return slash < 0 ? "" : s.substring(slash);
    }

    private static String trimTrailingSlash(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String display(List<String> paths) {
        List<String> shown = new ArrayList<>();
        for (String path : paths) {
            shown.add(path.isEmpty() ? "/" : path);
        }
        return String.join(", ", shown);
    }
}
