package dev.runtruth.collector.expected.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.SafeDocumentParser;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the routes an OpenAPI document declares: OpenAPI 3.0.x and 3.1.x ({@code openapi} field) and Swagger 2.0
 * ({@code swagger: "2.0"}), YAML or JSON, through {@link SafeDocumentParser} (size, nesting and alias limits).
 *
 * <p>Each operation of each Path Item in {@code paths} is one route:
 * <ul>
 *   <li>method: the operation's key; OpenAPI 3.x has {@code get put post delete options head patch trace}, Swagger
 *       2.0 the same without {@code trace};</li>
 *   <li>template: the server path prefix ({@link ServerPaths}: {@code servers} of the operation, else of the path
 *       item, else of the document; Swagger 2.0: {@code basePath}) followed by the path key, as the spec says
 *       (appended, no URL resolution); path keys starting {@code x-} are extensions, not paths;</li>
 *   <li>handler: where it is declared, {@code <file>#<operationId>}, or {@code <file>#<METHOD> <path>} for an
 *       operation without {@code operationId};</li>
 *   <li>framework: {@value #FRAMEWORK}.</li>
 * </ul>
 * A Path Item {@code $ref} is followed (OpenAPI 3.1 {@code #/components/pathItems/...}, or another file relative to
 * the one that refers to it, optionally with a JSON pointer fragment: the usual way to split a spec into several
 * files); fields next to the {@code $ref} win over the referenced ones. Remote ({@code http:}) references are not
 * fetched: a warning names them. {@code webhooks} and {@code callbacks} are requests the service sends, not routes it
 * serves, and are ignored.
 */
public final class OpenApiReader {

    /** The framework value of spec routes. */
    public static final String FRAMEWORK = "openapi";

    private static final List<String> OAS3_METHODS = List.of(
            "get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> SWAGGER2_METHODS = List.of(
            "get", "put", "post", "delete", "options", "head", "patch");

    private OpenApiReader() {
    }

    /**
     * @param root a parsed document
     * @return whether it says it is OpenAPI ({@code openapi} field) or Swagger ({@code swagger} field), any version
     */
    public static boolean isSpec(JsonNode root) {
        return root != null && root.isObject() && (root.has("openapi") || root.has("swagger"));
    }

    /**
     * Reads a spec file.
     *
     * @param file an OpenAPI 3.0/3.1 or Swagger 2.0 document, YAML or JSON ({@code .json})
     * @return the declared routes; source is the file, build identity unknown; warnings for skipped parts
     * @throws InputException naming the file (or a file it refers to): unreadable, too large, malformed, not an
     *                        OpenAPI document, an unsupported version, or {@code paths} not an object
     */
    public static ExpectedRoutes read(Path file) throws InputException {
        return read(file, SafeDocumentParser.read(file));
    }

    /**
     * Reads a spec already parsed.
     *
     * @param file the file {@code root} was read from; names the spec in handlers and resolves file references
     * @param root the parsed document
     * @return as {@link #read(Path)}
     * @throws InputException as {@link #read(Path)}
     */
    public static ExpectedRoutes read(Path file, JsonNode root) throws InputException {
        String input = file.toString();
        if (!isSpec(root)) {
            throw new InputException(input, "not an OpenAPI 3.x or Swagger 2.0 document: no 'openapi' or"
                    + " 'swagger' field");
        }
        boolean swagger2;
        if (root.has("openapi")) {
            String version = root.get("openapi").asText();
            if (!version.startsWith("3.0") && !version.startsWith("3.1")) {
                throw new InputException(input, "OpenAPI version '" + version + "' is not supported (3.0, 3.1,"
                        + " Swagger 2.0)");
            }
            swagger2 = false;
        } else {
            String version = root.get("swagger").asText();
            if (!version.equals("2.0")) {
                throw new InputException(input, "Swagger version '" + version + "' is not supported (2.0; OpenAPI"
                        + " 3.0, 3.1)");
            }
            swagger2 = true;
        }
        List<String> warnings = new ArrayList<>();
        JsonNode paths = root.get("paths");
        List<Route> routes = new ArrayList<>();
        if (paths == null || paths.isNull()) {
            return new ExpectedRoutes(input, BuildIdentity.unknown(), routes, warnings); // 3.1: webhooks only
        }
        if (!paths.isObject()) {
            throw new InputException(input, "'paths' is not an object");
        }
        String name = file.getFileName() == null ? input : file.getFileName().toString();
        String documentPrefix = swagger2 ? ServerPaths.basePath(root.path("basePath").asText(null))
                : ServerPaths.prefix(root.get("servers"), "", name, warnings::add);
        SpecFiles files = new SpecFiles(file, root);
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            if (path.startsWith("x-")) {
                continue;
            }
            String where = name + " paths." + path;
            if (!path.startsWith("/")) {
                warnings.add(where + ": a path must start with '/'; skipped");
                continue;
            }
            SpecFiles.Located item = files.pathItem(file, entry.getValue(), where, warnings::add);
            if (item == null) {
                continue;
            }
            String itemPrefix = swagger2 ? documentPrefix
                    : ServerPaths.prefix(item.node().get("servers"), documentPrefix, where, warnings::add);
            for (String method : swagger2 ? SWAGGER2_METHODS : OAS3_METHODS) {
                JsonNode operation = item.node().get(method);
                if (operation == null || !operation.isObject()) {
                    continue;
                }
                String prefix = swagger2 ? itemPrefix
                        : ServerPaths.prefix(operation.get("servers"), itemPrefix, where + "." + method,
                                warnings::add);
                String operationId = operation.path("operationId").asText("");
                String handler = item.display() + '#' + (operationId.isBlank()
                        ? method.toUpperCase(Locale.ROOT) + ' ' + path : operationId);
                routes.add(Route.of(method, PathTemplate.canonical(prefix + path), FRAMEWORK, handler));
            }
        }
        return new ExpectedRoutes(input, BuildIdentity.unknown(), routes, warnings);
    }

    /** Merges {@code siblings} over {@code referenced}: the fields next to a {@code $ref} win. */
    static ObjectNode merge(JsonNode referenced, JsonNode siblings) {
        ObjectNode merged = referenced.isObject() ? ((ObjectNode) referenced).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        siblings.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }
}
