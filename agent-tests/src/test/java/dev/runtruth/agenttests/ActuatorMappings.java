package dev.runtruth.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes Spring Boot's {@code /actuator/mappings} lists for every dispatcher servlet of every context (or, for
 * WebFlux, every dispatcher handler: {@link #DISPATCHER_HANDLERS}): the truth the agent is held against.
 *
 * <p>Three kinds of entries: annotated handler methods ({@code details.requestMappingConditions}: patterns ×
 * methods, no method meaning {@link Route#ANY_METHOD}); functional endpoints ({@code details.handlerFunction}, the
 * predicate text parsed by {@link RouterPredicate}); URL handler mappings (no details, the predicate is a plain pattern
 * such as {@code /webjars/**}: any method). Actuator lists patterns without the context path and servlet path, so
 * the caller passes that prefix.
 */
final class ActuatorMappings {

    static final String FRAMEWORK = "spring-webmvc";
    /** Spring MVC's section of each context's {@code mappings}. */
    static final String DISPATCHER_SERVLETS = "dispatcherServlets";
    /**
     * Spring WebFlux's section ({@code DispatcherHandlersMappingDescriptionProvider}): the same three kinds of entries
     * in the same JSON shape; URL handler mapping keys are {@code PathPattern#getPatternString()}.
     */
    static final String DISPATCHER_HANDLERS = "dispatcherHandlers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ActuatorMappings() {
    }

    /**
     * @param mappingsUrl the full URL of {@code /actuator/mappings}
     * @param prefix      context path plus servlet path, e.g. {@code /ctx/mvc}; empty for none
     * @return the routes, one per method and pattern
     * @throws IOException if the request fails or does not answer 200
     */
    static Set<Route> read(String mappingsUrl, String prefix) throws IOException {
        return read(mappingsUrl, prefix, DISPATCHER_SERVLETS);
    }

    /**
     * @param mappingsUrl the full URL of {@code /actuator/mappings}
     * @param prefix      the path prefix actuator leaves out (context path plus servlet path, or the WebFlux base path)
     * @param section     {@link #DISPATCHER_SERVLETS} or {@link #DISPATCHER_HANDLERS}
     * @return the routes of that section, one per method and pattern
     * @throws IOException if the request fails or does not answer 200
     */
    static Set<Route> read(String mappingsUrl, String prefix, String section) throws IOException {
        HttpResponse<String> response = TestJvm.get(mappingsUrl);
        if (response.statusCode() != 200) {
            throw new IOException(mappingsUrl + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body(), prefix, section);
    }

    /**
     * @param json   the body of {@code /actuator/mappings}
     * @param prefix context path plus servlet path; empty for none
     * @return the routes
     * @throws IOException if {@code json} is not JSON
     * @throws IllegalArgumentException on an entry of none of the three kinds
     */
    static Set<Route> parse(String json, String prefix) throws IOException {
        return parse(json, prefix, DISPATCHER_SERVLETS);
    }

    /**
     * @param json    the body of {@code /actuator/mappings}
     * @param prefix  the path prefix actuator leaves out; empty for none
     * @param section {@link #DISPATCHER_SERVLETS} or {@link #DISPATCHER_HANDLERS}
     * @return the routes of that section
     * @throws IOException if {@code json} is not JSON
     * @throws IllegalArgumentException on an entry of none of the three kinds
     */
    static Set<Route> parse(String json, String prefix, String section) throws IOException {
        return parse(json, prefix, section, context -> true);
    }

    /**
     * @param json    the body of {@code /actuator/mappings}
     * @param prefix  the path prefix actuator leaves out; empty for none
     * @param section {@link #DISPATCHER_SERVLETS} or {@link #DISPATCHER_HANDLERS}
     * @param which   the application contexts to read (an entry of {@code contexts}, e.g. by its {@code parentId}:
     *                Spring Boot's management context on {@code management.server.port} is a child context)
     * @return the routes of that section in those contexts
     * @throws IOException if {@code json} is not JSON
     */
    static Set<Route> parse(String json, String prefix, String section,
            java.util.function.Predicate<JsonNode> which) throws IOException {
        Set<Route> routes = new LinkedHashSet<>();
        JsonNode contexts = JSON.readTree(json).path("contexts");
        for (JsonNode context : contexts) {
            if (!which.test(context)) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> servlets = context.path("mappings").path(section).fields();
            while (servlets.hasNext()) {
                for (JsonNode mapping : servlets.next().getValue()) {
                    addRoutes(mapping, prefix, routes);
                }
            }
        }
        return routes;
    }

    private static void addRoutes(JsonNode mapping, String prefix, Set<Route> routes) {
        String predicate = mapping.path("predicate").asText();
        String handler = mapping.path("handler").asText();
        JsonNode details = mapping.path("details");
        JsonNode conditions = details.path("requestMappingConditions");
        if (conditions.isObject()) {
            List<String> methods = texts(conditions.path("methods"));
            if (methods.isEmpty()) {
                methods = List.of(Route.ANY_METHOD);
            }
            for (String pattern : texts(conditions.path("patterns"))) {
                for (String method : methods) {
                    routes.add(Route.of(method, prefix + pattern, FRAMEWORK, handler));
                }
            }
        } else if (details.has("handlerFunction")) {
            for (RouterPredicate.Alternative alternative : RouterPredicate.parse(predicate)) {
                for (String method : alternative.methodsOrAny()) {
                    routes.add(Route.of(method, prefix + alternative.path(), FRAMEWORK, handler));
                }
            }
        } else if (predicate.startsWith("/")) {
            routes.add(Route.of(Route.ANY_METHOD, prefix + predicate, FRAMEWORK, handler));
        } else {
            throw new IllegalArgumentException("unknown kind of mapping entry: " + mapping);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /**
     * Spring's text form of a {@code RequestPredicate} (its {@code toString()}, which actuator prints), reduced to
     * the methods and paths it matches: {@code (GET && /hello)}, {@code (/api && (POST && /items/{id}))} (a nested
     * path is relative to the outer one), {@code ([GET, HEAD] && /x)}, {@code (A || B)}. Other conditions (headers,
     * content types, parameters, negations) do not change method or path and are ignored.
     */
    static final class RouterPredicate {

        private final String text;
        private int pos;

        private RouterPredicate(String text) {
            this.text = text;
        }

        /**
         * @param text a predicate, e.g. {@code (/fn && (GET && /hello))}
         * @return the method/path alternatives it matches, at least one
         * @throws IllegalArgumentException if the text is not a predicate or matches no path
         */
        static List<Alternative> parse(String text) {
            RouterPredicate parser = new RouterPredicate(text);
            List<Alternative> alternatives = parser.expression();
            parser.skipBlanks();
            if (parser.pos != text.length()) {
                throw parser.error("unexpected text");
            }
            for (Alternative alternative : alternatives) {
                if (alternative.path == null) {
                    throw parser.error("no path in");
                }
            }
            return alternatives;
        }

        private List<Alternative> expression() {
            List<Alternative> left = term();
            while (true) {
                skipBlanks();
                if (text.startsWith("&&", pos)) {
                    pos += 2;
                    left = and(left, term());
                } else if (text.startsWith("||", pos)) {
                    pos += 2;
                    List<Alternative> union = new ArrayList<>(left);
                    union.addAll(term());
                    left = union;
                } else {
                    return left;
                }
            }
        }

        private List<Alternative> term() {
            skipBlanks();
            if (pos >= text.length()) {
                throw error("missing term in");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                List<Alternative> inner = expression();
                skipBlanks();
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error("missing ')' in");
                }
                pos++;
                return inner;
            }
            if (c == '!') {
                pos++;
                term();
                return List.of(new Alternative(Set.of(), null));
            }
            if (c == '[') {
                int end = text.indexOf(']', pos);
                if (end < 0) {
                    throw error("missing ']' in");
                }
                Set<String> methods = new HashSet<>();
                for (String method : text.substring(pos + 1, end).split(",")) {
                    methods.add(method.trim());
                }
                pos = end + 1;
                return List.of(new Alternative(methods, null));
            }
            String atom = atom();
            if (atom.startsWith("/")) {
                return List.of(new Alternative(Set.of(), atom));
            }
            if (atom.matches("[A-Z]+")) {
                return List.of(new Alternative(Set.of(atom), null));
            }
            // Accept:, Content-Type:, ?param, header and other conditions: any method, no path
            return List.of(new Alternative(Set.of(), null));
        }

        private String atom() {
            int start = pos;
            int depth = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (depth == 0 && (c == ')' || text.startsWith(" &&", pos) || text.startsWith(" ||", pos)
                        || text.startsWith("&&", pos) || text.startsWith("||", pos))) {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos).trim();
        }

        private static List<Alternative> and(List<Alternative> left, List<Alternative> right) {
            List<Alternative> product = new ArrayList<>();
            for (Alternative l : left) {
                for (Alternative r : right) {
                    product.add(l.and(r));
                }
            }
            return product;
        }

        private void skipBlanks() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " router predicate at " + pos + ": '" + text + "'");
        }

        /** One way to match: a set of methods (empty: any) and a path ({@code null}: none yet). */
        record Alternative(Set<String> methods, String path) {

            Alternative and(Alternative other) {
                Set<String> both;
                if (methods.isEmpty()) {
                    both = other.methods;
                } else if (other.methods.isEmpty()) {
                    both = methods;
                } else {
                    both = new HashSet<>(methods);
                    both.retainAll(other.methods);
                }
                String joined = path == null ? other.path : other.path == null ? path : path + other.path;
                return new Alternative(both, joined);
            }

            List<String> methodsOrAny() {
                return methods.isEmpty() ? List.of(Route.ANY_METHOD) : List.copyOf(methods);
            }
        }
    }
}
