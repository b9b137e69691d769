package dev.runtruth.collector.ladder.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.InputException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

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
 */
final class ImageArchive implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Member(long offset, long size) {
    }

    private final String display;
    private final Path tar;
    private final boolean temporary;
    private final FileChannel channel;
    private final Map<String, Member> members;
    private final String format;
    private final JsonNode config;
    private final List<String> layers;

    private ImageArchive(String display, Path tar, boolean temporary, FileChannel channel, Map<String, Member> members,
                         String format, JsonNode config, List<String> layers) {
        this.display = display;
        this.tar = tar;
        this.temporary = temporary;
        this.channel = channel;
        this.members = members;
        this.format = format;
        this.config = config;
        this.layers = layers;
    }

    /**
     * @param path a file
     * @return whether it starts like a tar archive (the {@code ustar} magic) or a gzip stream holding one
     */
    static boolean looksLikeImage(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(4);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
            byte[] head = in.readNBytes(512);
            return head.length == 512 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("ustar");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens an image tar and reads its manifest and config.
     *
     * @param path the image tar (or tar.gz)
     * @return the opened image; close it
     * @throws InputException naming the path when it cannot be read, is not a tar, or holds neither layout
     */
    static ImageArchive open(Path path) throws InputException {
        String display = path.toString();
        Path tar = path;
        boolean temporary = false;
        try {
            if (isGzip(path)) {
                tar = Files.createTempFile("runtruth-image-", ".tar");
                temporary = true;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
                    Files.copy(in, tar, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Map<String, Member> members = new HashMap<>();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(tar), 1 << 16)) {
                TarReader reader = new TarReader(in);
                for (TarReader.Entry e = reader.next(); e != null; e = reader.next()) {
                    if (e.isFile()) {
                        members.put(e.name(), new Member(reader.dataOffset(), e.size()));
                    }
                }
            }
            FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ);
            ImageArchive partial = new ImageArchive(display, tar, temporary, channel, members, null, null, null);
            return partial.withManifest();
        } catch (IOException e) {
            deleteQuietly(tar, temporary);
            throw new InputException(display, "cannot read the image tar: " + e.getMessage(), e);
        } catch (InputException | RuntimeException e) {
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
            if (!manifests.isArray() || manifests.isEmpty()) {
                throw new InputException(display, "manifest.json lists no image");
            }
            JsonNode first = manifests.get(0);
            configName = TarReader.normalise(first.path("Config").asText());
            first.path("Layers").forEach(l -> layerNames.add(TarReader.normalise(l.asText())));
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
        JsonNode configJson = members.containsKey(configName) ? json(configName) : JSON.createObjectNode();
        return new ImageArchive(display, tar, temporary, channel, members, kind, configJson, List.copyOf(layerNames));
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

    /** @return the number of layers */
    int layerCount() {
        return layers.size();
    }

    /**
     * @param index a layer index, 0 for the base layer
     * @return the layer's uncompressed tar stream; close it
     * @throws IOException when the layer is compressed with something other than gzip
     */
    InputStream openLayer(int index) throws IOException {
        InputStream raw = new BufferedInputStream(member(layers.get(index)), 1 << 16);
        raw.mark(4);
        byte[] magic = raw.readNBytes(4);
        raw.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            raw.close();
            throw new IOException("layer " + layers.get(index) + " is zstd-compressed, which is not supported");
        }
        return raw;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        deleteQuietly(tar, temporary);
    }

    private InputStream member(String name) throws IOException {
        Member m = members.get(name);
        if (m == null) {
            throw new IOException("no " + name + " in the image tar");
        }
        return new BoundedChannelStream(channel, m.offset(), m.size());
    }

    private JsonNode json(String name) throws IOException {
        try (InputStream in = member(name)) {
            return JSON.readTree(in);
        }
    }

    private static String blob(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? "blobs/" + digest : "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
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

    /** A read-only window of a file channel, read with positional reads so windows can be open side by side. */
    private static final class BoundedChannelStream extends InputStream {

        private final FileChannel channel;
        private long position;
        private final long end;

        BoundedChannelStream(FileChannel channel, long offset, long size) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(java.nio.ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
