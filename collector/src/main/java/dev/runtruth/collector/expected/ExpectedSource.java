package dev.runtruth.collector.expected;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.openapi.OpenApiReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One input of the expected side and what kind of truth it is.
 *
 * @param kind   how the routes were obtained
 * @param routes the routes it declares
 */
public record ExpectedSource(Kind kind, ExpectedRoutes routes) {

    /** The kinds of expected-route inputs. */
    public enum Kind {
        /** A build output read with ASM: what the code declares in annotations ({@link BytecodeRouteScanner}). */
        BYTECODE("code"),
        /** An OpenAPI 3.x or Swagger 2.0 document: what the API documents ({@link OpenApiReader}). */
        SPEC("spec"),
        /** A route manifest ({@link RouteManifest}): what a build declared or, recorded by the agent, registered. */
        MANIFEST("manifest");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the short label used in reports: {@code code}, {@code spec}, {@code manifest} */
        public String label() {
            return label;
        }
    }

    /** Checks arguments. */
    public ExpectedSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(routes, "routes");
    }

    /**
     * Loads one input, recognising its kind:
     * <ul>
     *   <li>a {@code .yaml}/{@code .yml} file is an OpenAPI document;</li>
     *   <li>a regular file whose first non-blank character is <code>{</code> is JSON: an OpenAPI document when it has
     *       an {@code openapi} or {@code swagger} field, else a route manifest;</li>
     *   <li>anything else is a build output (directory, class file, jar, fat jar, war).</li>
     * </ul>
     *
     * @param path     the input
     * @param profiles Spring profiles for a build output's configuration (see {@link BytecodeRouteScanner})
     * @return the input's kind and routes
     * @throws InputException naming the input when it is missing, unreadable or malformed
     */
    public static ExpectedSource load(Path path, List<String> profiles) throws InputException {
        if (Files.isRegularFile(path)) {
            String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return new ExpectedSource(Kind.SPEC, OpenApiReader.read(path));
            }
            if (startsWithBrace(path)) {
                JsonNode root;
                try {
                    root = SafeDocumentParser.read(path);
                } catch (InputException e) {
                    root = null; // not JSON: the manifest reader says so in its own words
                }
                if (OpenApiReader.isSpec(root)) {
                    return new ExpectedSource(Kind.SPEC, OpenApiReader.read(path, root));
                }
                return new ExpectedSource(Kind.MANIFEST, RouteManifest.read(path));
            }
        }
        return new ExpectedSource(Kind.BYTECODE, new BytecodeRouteScanner(profiles).scan(path));
    }

    private static boolean startsWithBrace(Path path) throws InputException {
        try (InputStream in = Files.newInputStream(path)) {
            for (int i = 0; i < 4096; i++) {
                int c = in.read();
                if (c == '{') {
                    return true;
                }
                if (c < 0 || !Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return false; // 0xEF 0xBB 0xBF: a UTF-8 byte order mark
                }
            }
            return false;
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read: " + e, e);
        }
    }
}
