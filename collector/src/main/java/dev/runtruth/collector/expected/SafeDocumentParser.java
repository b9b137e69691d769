package dev.runtruth.collector.expected;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses JSON and YAML documents that come from a repository (OpenAPI specs, {@code application.yml}) into Jackson
 * trees, with limits, so that a hostile or broken document costs a one-line error, never the collector's memory:
 * <ul>
 *   <li>at most {@link #MAX_DOCUMENT_BYTES} bytes per file (checked before reading and again by the parser);</li>
 *   <li>nesting at most {@link #MAX_NESTING} arrays and objects deep (Jackson {@link StreamReadConstraints} for JSON,
 *       SnakeYAML {@link LoaderOptions#setNestingDepthLimit} for YAML);</li>
 *   <li>YAML (SnakeYAML 2 {@link SafeConstructor}: plain maps, lists and scalars, no Java types): aliases are
 *       expanded, at most {@link #MAX_ALIASES} of them to collections, which stops "billion laughs" documents; no
 *       recursive keys; no duplicate keys (a duplicate is an error, as the YAML 1.2 spec requires);</li>
 *   <li>strings at most {@link #MAX_DOCUMENT_BYTES} characters, numbers at most 1000 digits.</li>
 * </ul>
 * Thread-safe.
 */
public final class SafeDocumentParser {

    /** Largest document read, in bytes: 16 MiB, more than the largest public OpenAPI documents (a few MiB). */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING = 200;
    /** Most YAML aliases ({@code *name}) to collections accepted in one document. */
    public static final int MAX_ALIASES = 50;
    /** Most nodes (scalars, maps, lists) a YAML document may have once its aliases are expanded. */
    public static final long MAX_NODES = 2_000_000;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_DOCUMENT_BYTES)
            .maxNumberLength(1000)
            .maxDocumentLength(MAX_DOCUMENT_BYTES)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS)
            .build());

    private SafeDocumentParser() {
    }

    /**
     * Reads one JSON or YAML document from a file. YAML is any file whose name does not end in {@code .json}; JSON
     * is a subset of YAML, but the JSON parser gives better positions in error messages.
     *
     * @param file the document
     * @return its tree; {@code null} for an empty YAML document
     * @throws InputException naming the file: missing, unreadable, too large, malformed, too deep, too many aliases,
     *                        or several YAML documents in one file
     */
    public static JsonNode read(Path file) throws InputException {
        byte[] bytes = readBytes(file);
        List<JsonNode> documents = parse(bytes, isJson(file), file.toString());
        if (documents.size() > 1) {
            throw new InputException(file.toString(), "holds " + documents.size()
                    + " YAML documents (separated by ---); expected one");
        }
        return documents.isEmpty() ? null : documents.get(0);
    }

    /**
     * Parses every document of a YAML stream ({@code ---} separated), or one JSON document.
     *
     * @param bytes the text, UTF-8
     * @param json  whether to parse as JSON instead of YAML
     * @param input names the input in error messages, e.g. {@code app.jar!/BOOT-INF/classes/application.yml}
     * @return the documents in order; empty documents are left out
     * @throws InputException naming {@code input} when the text is too large, malformed, too deep or has too many
     *                        aliases
     */
    public static List<JsonNode> parse(byte[] bytes, boolean json, String input) throws InputException {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw tooLarge(input, bytes.length);
        }
        if (!json) {
            return parseYaml(bytes, input);
        }
        List<JsonNode> documents = new ArrayList<>();
        // one value: readValues() would unwrap a root-level array into its elements (a docker manifest.json)
        try {
            JsonNode node = JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(bytes);
            if (node != null && !node.isMissingNode() && !node.isNull()) {
                documents.add(node);
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputException(input, "malformed " + (json ? "JSON" : "YAML") + where + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its limits (aliases, nesting, code points) as unchecked YAMLException
            throw new InputException(input, "malformed " + (json ? "JSON" : "YAML") + ": "
                    + firstLine(String.valueOf(e.getMessage())), e);
        }
        return documents;
    }

    /**
     * YAML goes through SnakeYAML's composer, not Jackson's YAML parser: Jackson reads an alias ({@code *name}) as the
     * string {@code "name"} instead of the anchored node, which would silently misread a spec that reuses a path
     * item by anchor. The composer expands aliases, under {@link #MAX_ALIASES}; the tree is then checked by the same
     * Jackson constraints as JSON.
     */
    private static List<JsonNode> parseYaml(byte[] bytes, String input) throws InputException {
        List<JsonNode> documents = new ArrayList<>();
        try {
            Yaml yaml = new Yaml(new SafeConstructor(loaderOptions()));
            for (Object document : yaml.loadAll(new ByteArrayInputStream(bytes))) {
                if (document != null) {
                    long nodes = expandedSize(document, new IdentityHashMap<>(), 0);
                    if (nodes > MAX_NODES) {
                        throw new InputException(input, "malformed YAML: its aliases expand to more than " + MAX_NODES
                                + " nodes");
                    }
                    documents.add(JSON.valueToTree(document));
                }
            }
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new InputException(input, "malformed YAML" + where + ": " + firstLine(e.getProblem()), e);
        } catch (RuntimeException | StackOverflowError e) {
            // YAMLException for the limits (aliases, nesting, code points); Jackson's for a value it cannot map
            throw new InputException(input, "malformed YAML: " + firstLine(String.valueOf(e.getMessage())), e);
        }
        return documents;
    }

    /**
     * Counts the nodes of a composed YAML document once its aliases are expanded, without expanding them: shared
     * collections are counted from a memo. A collection that contains itself (an alias inside its own anchor) counts
     * as too large.
     */
    private static long expandedSize(Object node, Map<Object, Long> memo, int depth) {
        if (!(node instanceof Map<?, ?>) && !(node instanceof Collection<?>)) {
            return 1;
        }
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        if (depth > MAX_NESTING) {
            return MAX_NODES + 1;
        }
        memo.put(node, MAX_NODES + 1L); // in progress: a cycle back to here is "too large"
        long size = 1;
        Collection<?> children = node instanceof Map<?, ?> map ? map.values() : (Collection<?>) node;
        for (Object child : children) {
            size = Math.min(MAX_NODES + 1L, size + expandedSize(child, memo, depth + 1));
        }
        memo.put(node, size);
        return size;
    }

    /** @return whether the file name says JSON */
    static boolean isJson(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static byte[] readBytes(Path file) throws InputException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file.toString(), Files.exists(file) ? "not a regular file"
                        : "no such file");
            }
            long size = Files.size(file);
            if (size > MAX_DOCUMENT_BYTES) {
                throw tooLarge(file.toString(), size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
                if (bytes.length > MAX_DOCUMENT_BYTES) {
                    throw tooLarge(file.toString(), bytes.length);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e, e);
        }
    }

    private static InputException tooLarge(String input, long size) {
        return new InputException(input, "too large: " + size + " bytes, the limit is " + MAX_DOCUMENT_BYTES);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_DOCUMENT_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
