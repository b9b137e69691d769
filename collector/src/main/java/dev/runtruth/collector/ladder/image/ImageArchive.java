package dev.runtruth.collector.ladder.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.SafeDocumentParser;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A container image saved as a tar file, read without a container engine. Two layouts:
 * <ul>
 *   <li>docker-archive ({@code docker save}, Jib's {@code jib:buildTar} and {@code TarImage} in the Docker format):
 *       {@code manifest.json} lists {@code Config} and {@code Layers} by their path in the tar;</li>
 *   <li>OCI image layout (OCI image spec 1.0/1.1, {@code image-layout.md}; Jib with the OCI format, skopeo, buildah):
 *       {@code index.json} points to a manifest blob under {@code blobs/<alg>/<hex>}, which names the config and the
 *       layers; a nested image index is followed to its first manifest.</li>
 * </ul>
 * The tar itself may be gzip-compressed; layers may be plain or gzip tar (zstd layers are reported as unsupported).
 *
 * <p>Tar and gzip are read by Apache Commons Compress ({@link TarFile} for the image's own tar, random access;
 * {@link TarArchiveInputStream} and {@link GzipCompressorInputStream} for layers, the reader Jib itself writes with):
 * ustar, PAX and GNU long names, base-256 sizes. Every header's checksum is verified: a corrupt header refuses the
 * image. Every read is bounded, so a hostile or broken image costs a one-line error, never the disk or memory:
 * the unpacked image tar at most {@link #MAX_IMAGE_BYTES}, a JSON document (manifest, index, config) at most
 * {@link SafeDocumentParser#MAX_DOCUMENT_BYTES}, an uncompressed layer at most {@link #MAX_LAYER_BYTES} and
 * {@link #MAX_LAYER_ENTRIES} entries (checked by {@link ImageFileSystem}), an extracted file at most
 * {@link #MAX_FILE_BYTES}.
 */
final class ImageArchive implements Closeable {

    /** Most bytes of a gzip-compressed image tar once unpacked: 16 GiB. */
    static final long MAX_IMAGE_BYTES = 16L << 30;
    /** Most bytes of one layer once uncompressed: 16 GiB. */
    static final long MAX_LAYER_BYTES = 16L << 30;
    /** Most entries in one layer: 2,000,000 (a full JDK image layer has about 30,000). */
    static final int MAX_LAYER_ENTRIES = 2_000_000;
    /** Most bytes of one file extracted from a layer (an application jar, a class path entry): 1 GiB. */
    static final long MAX_FILE_BYTES = 1L << 30;

    /**
     * The bounds of one read, in bytes and entries.
     *
     * @param imageBytes   most bytes of a gzip-compressed image tar once unpacked
     * @param layerBytes   most bytes of one layer once uncompressed
     * @param layerEntries most entries of one layer
     * @param fileBytes    most bytes of one extracted file
     */
    record Limits(long imageBytes, long layerBytes, int layerEntries, long fileBytes) {

        /** The bounds {@link #open(Path)} applies: {@link #MAX_IMAGE_BYTES} and the others. */
        static final Limits DEFAULT = new Limits(MAX_IMAGE_BYTES, MAX_LAYER_BYTES, MAX_LAYER_ENTRIES, MAX_FILE_BYTES);
    }

    private final String display;
    private final Limits limits;
    private final Path tar;
    private final boolean temporary;
    private final TarFile file;
    private final Map<String, TarArchiveEntry> members;
    private final String format;
    private final JsonNode config;
    private final List<String> layers;

    private ImageArchive(String display, Limits limits, Path tar, boolean temporary, TarFile file,
                         Map<String, TarArchiveEntry> members, String format, JsonNode config, List<String> layers) {
        this.display = display;
        this.limits = limits;
        this.tar = tar;
        this.temporary = temporary;
        this.file = file;
        this.members = members;
        this.format = format;
        this.config = config;
        this.layers = layers;
    }

    /**
     * @param path a file
     * @return whether it starts like a tar archive (a ustar, PAX or GNU header) or a gzip stream holding one
     */
    static boolean looksLikeImage(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(2);
            raw.reset();
            InputStream in = GzipCompressorInputStream.matches(magic, magic.length)
                    ? new GzipCompressorInputStream(raw) : raw;
            byte[] head = in.readNBytes(512);
            return head.length == 512 && TarArchiveInputStream.matches(head, head.length);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens an image tar and reads its manifest and config.
     *
     * @param path the image tar (or tar.gz)
     * @return the opened image; close it
     * @throws InputException naming the path when it cannot be read, is not a tar, has a corrupt header, goes past a
     *                        bound, or holds neither layout
     */
    static ImageArchive open(Path path) throws InputException {
        return open(path, Limits.DEFAULT);
    }

    /** As {@link #open(Path)} within other bounds; for tests. */
    static ImageArchive open(Path path, Limits limits) throws InputException {
        String display = path.toString();
        Path tar = path;
        boolean temporary = false;
        TarFile file = null;
        try {
            if (isGzip(path)) {
                tar = Files.createTempFile("runtruth-image-", ".tar");
                temporary = true;
                try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(
                        Files.newInputStream(path), 1 << 16));
                     OutputStream out = Files.newOutputStream(tar)) {
                    copyAtMost(in, out, limits.imageBytes(), "the gzip-compressed image tar", "unpacks to");
                }
            }
            file = new TarFile(tar);
            Map<String, TarArchiveEntry> members = new HashMap<>();
            for (TarArchiveEntry e : file.getEntries()) {
                checkHeader(e, "the image tar");
                if (e.isFile() && !e.isLink() && !e.isSymbolicLink()) {
                    members.put(entryName(e.getName()), e);
                }
            }
            ImageArchive partial = new ImageArchive(display, limits, tar, temporary, file, members, null, null,
                    null);
            return partial.withManifest();
        } catch (IOException e) {
            closeQuietly(file);
            deleteQuietly(tar, temporary);
            throw new InputException(display, "cannot read the image tar: " + e.getMessage(), e);
        } catch (InputException | RuntimeException e) {
            closeQuietly(file);
            deleteQuietly(tar, temporary);
            throw e;
        }
    }

    private ImageArchive withManifest() throws IOException, InputException {
        String kind;
        String configName;
        List<String> layerNames = new ArrayList<>();
        if (members.containsKey("manifest.json")) {
            kind = "docker-archive";
            JsonNode manifests = json("manifest.json");
            if (manifests == null || !manifests.isArray() || manifests.isEmpty()) {
                throw new InputException(display, "manifest.json lists no image");
            }
            JsonNode first = manifests.get(0);
            configName = entryName(first.path("Config").asText());
            first.path("Layers").forEach(l -> layerNames.add(entryName(l.asText())));
        } else if (members.containsKey("index.json")) {
            kind = "OCI image layout";
            JsonNode manifest = json(blob(json("index.json").path("manifests").path(0).path("digest").asText()));
            for (int depth = 0; manifest.has("manifests") && depth < 4; depth++) {
                manifest = json(blob(manifest.path("manifests").path(0).path("digest").asText()));
            }
            configName = blob(manifest.path("config").path("digest").asText());
            manifest.path("layers").forEach(l -> layerNames.add(blob(l.path("digest").asText())));
        } else {
            throw new InputException(display, "a tar archive, but not a container image: neither manifest.json"
                    + " (docker-archive) nor index.json (OCI image layout)");
        }
        for (String layer : layerNames) {
            if (!members.containsKey(layer)) {
                throw new InputException(display, "the image manifest names layer " + layer
                        + ", which the tar does not hold");
            }
        }
        JsonNode configJson = members.containsKey(configName) ? json(configName) : null;
        return new ImageArchive(display, limits, tar, temporary, file, members, kind,
                configJson == null ? JsonNodeFactory.instance.objectNode() : configJson,
                List.copyOf(layerNames));
    }

    /** @return the path as the user gave it */
    String display() {
        return display;
    }

    /** @return {@code docker-archive} or {@code OCI image layout} */
    String format() {
        return format;
    }

    /** @return the image config's {@code config} object (Entrypoint, Cmd, WorkingDir, Env); empty when absent */
    JsonNode runConfig() {
        return config.path("config");
    }

    /** @return the bounds this image is read within */
    Limits limits() {
        return limits;
    }

    /** @return the number of layers */
    int layerCount() {
        return layers.size();
    }

    /** @return the layer's name in the image tar, for messages */
    String layerName(int index) {
        return layers.get(index);
    }

    /**
     * @param index a layer index, 0 for the base layer
     * @return the layer's uncompressed tar, at most {@link Limits#layerBytes()} (a read past it throws an
     *         {@link IOException} naming the layer); close it
     * @throws IOException when the layer is compressed with something other than gzip
     */
    TarArchiveInputStream openLayer(int index) throws IOException {
        String name = layers.get(index);
        InputStream raw = new BufferedInputStream(file.getInputStream(members.get(name)), 1 << 16);
        raw.mark(4);
        byte[] magic = raw.readNBytes(4);
        raw.reset();
        InputStream plain = raw;
        if (GzipCompressorInputStream.matches(magic, magic.length)) {
            plain = new BufferedInputStream(new GzipCompressorInputStream(raw), 1 << 16);
        } else if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            raw.close();
            throw new IOException("layer " + name + " is zstd-compressed, which is not supported");
        }
        return new TarArchiveInputStream(bounded(plain, limits.layerBytes(), "layer " + name, "unpacks to"));
    }

    /**
     * @param entry a header just read
     * @param where names the tar in the message
     * @throws IOException when the header's checksum does not match its bytes (a corrupt or tampered tar)
     */
    static void checkHeader(TarArchiveEntry entry, String where) throws IOException {
        if (!entry.isCheckSumOK()) {
            throw new IOException(where + ": the header of entry " + entry.getName()
                    + " fails its checksum (a corrupt or truncated tar); refused");
        }
    }

    /**
     * Copies a stream with an upper bound.
     *
     * @param in      the source; not closed
     * @param out     the target; not closed
     * @param max     most bytes accepted
     * @param what    names the source in the message
     * @param problem how the source grows past the bound, e.g. {@code unpacks to}
     * @return the bytes copied
     * @throws IOException when the source holds more than {@code max} bytes or a read or write fails
     */
    static long copyAtMost(InputStream in, OutputStream out, long max, String what, String problem)
            throws IOException {
        return bounded(in, max, what, problem).transferTo(out);
    }

    /** @return {@code in}, throwing an {@link IOException} naming {@code what} when more than {@code max} is read */
    private static InputStream bounded(InputStream in, long max, String what, String problem) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(max + 1).setPropagateClose(true)
                .setOnMaxCount((limit, count) -> {
                    throw new IOException(what + " " + problem + " more than the " + size(max)
                            + " read for it; refused");
                }).get();
    }

    /** @return bytes as a whole number of GiB or MiB where exact, else bytes, e.g. {@code 16 GiB} */
    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /**
     * @param name an entry name as written
     * @return it without leading {@code ./} and {@code /} and without a trailing {@code /}
     */
    static String entryName(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }

    @Override
    public void close() throws IOException {
        file.close();
        deleteQuietly(tar, temporary);
    }

    private JsonNode json(String name) throws IOException, InputException {
        TarArchiveEntry entry = members.get(name);
        if (entry == null) {
            throw new IOException("no " + name + " in the image tar");
        }
        if (entry.getSize() > SafeDocumentParser.MAX_DOCUMENT_BYTES) {
            throw new IOException(name + " declares " + entry.getSize() + " bytes, more than the "
                    + size(SafeDocumentParser.MAX_DOCUMENT_BYTES) + " read for a JSON document; refused");
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream(entry)) {
            bytes = in.readNBytes((int) entry.getSize());
        }
        List<JsonNode> documents = SafeDocumentParser.parse(bytes, true, display + "!/" + name);
        return documents.isEmpty() ? null : documents.get(0);
    }

    private static String blob(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? "blobs/" + digest : "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            return GzipCompressorInputStream.matches(magic, magic.length);
        }
    }

    private static void closeQuietly(TarFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // already failing; the first error is reported
            }
        }
    }

    private static void deleteQuietly(Path tar, boolean temporary) {
        if (temporary) {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up
            }
        }
    }
}
