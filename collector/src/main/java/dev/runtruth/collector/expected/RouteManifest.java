package dev.runtruth.collector.expected;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.model.Route;
import dev.runtruth.model.RouteManifestWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The route manifest: expected routes as JSON, written by {@code runtruth expected --json} and read back by {@code
 * runtruth check --expected manifest.json}, so a CI job can keep the manifest of a release instead of its jar.
 *
 * <p>Format {@value #FORMAT}:
 * <pre>{@code
 * {"format":"runtruth-manifest/1","service":"backoffice","version":"1.2.0","commit":"<sha>","branch":"main",
 *  "buildTime":"2026-11-21T10:00:00Z","source":"target/backoffice.jar",
 *  "routes":[{"method":"GET","route":"/owners/{id}","framework":"spring-webmvc","handler":"a.B#m"}]}
 * }</pre>
 * Unknown build components are {@code null}; routes are sorted by route, then method. Readers ignore unknown fields.
 */
public final class RouteManifest {

    /** The value of the {@code format} field this class writes and the only one it reads. */
    public static final String FORMAT = RouteManifestWriter.FORMAT;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RouteManifest() {
    }

    /**
     * @param routes the expected routes
     * @return the manifest JSON, indented, without a trailing newline
     */
    public static String toJson(ExpectedRoutes routes) {
        BuildIdentity build = routes.build();
        return new RouteManifestWriter()
                .build(build.service(), build.version(), build.commit(), build.branch(), build.buildTime())
                .source(routes.source())
                .routes(routes.routes())
                .toJson();
    }

    /**
     * Writes {@link #toJson(ExpectedRoutes)} and a newline.
     *
     * @param routes the expected routes
     * @param out    where to write; flushed, not closed
     * @throws IOException if {@code out} fails
     */
    public static void write(ExpectedRoutes routes, Writer out) throws IOException {
        out.write(toJson(routes));
        out.write(System.lineSeparator());
        out.flush();
    }

    /**
     * Reads a manifest file.
     *
     * @param path a file written by {@link #write}
     * @return the routes; {@link ExpectedRoutes#source()} names the manifest and the build output it was made from
     * @throws InputException if the file cannot be read, is not JSON, or is not a {@value #FORMAT} manifest
     */
    public static ExpectedRoutes read(Path path) throws InputException {
        String json;
        try {
            json = Files.readString(path);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read: " + e, e);
        }
        return parse(json, path.toString());
    }

    /**
     * Parses manifest JSON.
     *
     * @param json  the manifest text
     * @param input names the input in error messages and in the result's source
     * @return the routes and build identity the manifest lists
     * @throws InputException if the text is not JSON or not a {@value #FORMAT} manifest
     */
    public static ExpectedRoutes parse(String json, String input) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputException(input, "malformed manifest: not JSON" + where, e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(input, "not a JSON object");
        }
        String format = text(root, "format", input, true);
        if (!FORMAT.equals(format)) {
            throw malformed(input, "format is '" + format + "', expected '" + FORMAT + "'");
        }
        JsonNode list = root.get("routes");
        if (list == null || !list.isArray()) {
            throw malformed(input, "'routes' is missing or not an array");
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "routes[" + i + "]";
            if (!node.isObject()) {
                throw malformed(input, where + " is not an object");
            }
            String method = text(node, where + ".method", input, true);
            String route = text(node, where + ".route", input, true);
            if (!route.startsWith("/")) {
                throw malformed(input, where + ".route '" + route + "' does not start with /");
            }
            routes.add(Route.of(method, route, text(node, where + ".framework", input, false),
                    text(node, where + ".handler", input, false)));
        }
        BuildIdentity build = new BuildIdentity(text(root, "service", input, false),
                text(root, "version", input, false), text(root, "commit", input, false),
                text(root, "branch", input, false), text(root, "buildTime", input, false));
        String origin = text(root, "source", input, false);
        String source = origin == null ? input : input + " (manifest of " + origin + ")";
        return new ExpectedRoutes(source, build, routes, List.of());
    }

    /** @param field the field's name, prefixed by where it is for messages: {@code commit}, {@code routes[3].route} */
    private static String text(JsonNode node, String field, String input, boolean required) throws InputException {
        JsonNode value = node.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || value.isNull()) {
            if (required) {
                throw malformed(input, "'" + field + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(input, "'" + field + "' is not a string");
        }
        if (required && value.asText().isBlank()) {
            throw malformed(input, "'" + field + "' is empty");
        }
        return value.asText();
    }

    private static InputException malformed(String input, String problem) {
        return new InputException(input, "malformed manifest: " + problem);
    }
}
