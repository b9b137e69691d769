package dev.runtruth.collector.expected.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.SafeDocumentParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The files of one spec: the root document and the files its Path Item {@code $ref}s name, each parsed once, at
 * most {@link #MAX_FILES} of them, following at most {@link #MAX_REF_CHAIN} references in a row (a reference cycle
 * ends there with a warning).
 */
final class SpecFiles {

    static final int MAX_FILES = 256;
    static final int MAX_REF_CHAIN = 16;

    /**
     * A Path Item with its references followed, and the file that declares it.
     *
     * @param node    the merged Path Item object
     * @param display the declaring file, relative to the root document's directory
     */
    record Located(JsonNode node, String display) {
    }

    private final Path rootDirectory;
    private final Map<Path, JsonNode> parsed = new HashMap<>();

    SpecFiles(Path rootFile, JsonNode root) {
        Path absolute = rootFile.toAbsolutePath().normalize();
        this.rootDirectory = absolute.getParent();
        parsed.put(absolute, root);
    }

    /**
     * @param file     the file {@code item} was found in
     * @param item     a Path Item object, possibly with a {@code $ref}
     * @param where    names the path in warnings
     * @param warnings receives a line per reference that is not followed
     * @return the Path Item, or {@code null} when it is not an object or its reference cannot be followed
     * @throws InputException when a referenced file is unreadable or malformed (naming that file)
     */
    Located pathItem(Path file, JsonNode item, String where, Consumer<String> warnings) throws InputException {
        Path current = file.toAbsolutePath().normalize();
        JsonNode node = item;
        for (int depth = 0; depth <= MAX_REF_CHAIN; depth++) {
            if (node == null || !node.isObject()) {
                warnings.accept(where + ": the path item is not an object; skipped");
                return null;
            }
            JsonNode ref = node.get("$ref");
            if (ref == null) {
                return new Located(node, display(current));
            }
            String target = ref.asText("");
            if (target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                warnings.accept(where + ": $ref '" + target + "' is remote; not fetched, the path's own"
                        + " operations only");
                return new Located(OpenApiReader.merge(node, node), display(current));
            }
            int hash = target.indexOf('#');
            String filePart = hash < 0 ? target : target.substring(0, hash);
            String pointer = hash < 0 ? "" : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
            Path next = filePart.isEmpty() ? current : current.resolveSibling(filePart).normalize();
            JsonNode document = document(next);
            JsonNode referenced;
            try {
                referenced = pointer.isEmpty() ? document : document.at(JsonPointer.compile(pointer));
            } catch (IllegalArgumentException e) {
                warnings.accept(where + ": $ref '" + target + "' has a malformed JSON pointer; skipped");
                return null;
            }
            if (referenced.isMissingNode()) {
                warnings.accept(where + ": $ref '" + target + "' points to nothing; skipped");
                return null;
            }
            node = OpenApiReader.merge(referenced, node); // keeps the referenced item's own $ref, if any
            if (!node.has("$ref")) {
                return new Located(node, display(next));
            }
            current = next; // the referenced item refers on, relative to its own file
        }
        warnings.accept(where + ": more than " + MAX_REF_CHAIN + " $refs in a row (a cycle?); skipped");
        return null;
    }

    private JsonNode document(Path file) throws InputException {
        JsonNode cached = parsed.get(file);
        if (cached != null) {
            return cached;
        }
        if (parsed.size() >= MAX_FILES) {
            throw new InputException(file.toString(), "a spec may refer to at most " + MAX_FILES + " files");
        }
        JsonNode root = SafeDocumentParser.read(file);
        if (root == null) {
            throw new InputException(file.toString(), "empty document");
        }
        parsed.put(file, root);
        return root;
    }

    private String display(Path file) {
        Path shown = rootDirectory == null ? file : rootDirectory.relativize(file);
        return shown.toString().replace('\\', '/');
    }
}
