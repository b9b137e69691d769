package dev.runtruth.collector.ladder.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * The file tree an image's layers stack up to, as an index (which layer holds the winning version of each path)
 * rather than an unpacked copy: only the files asked for are extracted. Layers apply in order with the whiteouts of
 * the OCI image spec ({@code layer.md}): {@code .wh.NAME} deletes {@code NAME} from the layers below,
 * {@code .wh..wh..opq} empties its directory of what the layers below put there. Paths are absolute ({@code /app/x}).
 * Layers are read with Commons Compress' {@link TarArchiveInputStream} within {@link ImageArchive}'s bounds: every
 * header's checksum verified, at most {@link ImageArchive.Limits#layerEntries()} entries a layer, at most
 * {@link ImageArchive.Limits#fileBytes()} a file extracted; past a bound the image is refused (an {@link IOException}
 * naming the layer and the entry).
 */
final class ImageFileSystem {

    private record Node(int layer, char kind, String link) {
    }

    private static final int MAX_LINKS = 40;

    private final ImageArchive image;
    private final NavigableMap<String, Node> nodes;

    private ImageFileSystem(ImageArchive image, NavigableMap<String, Node> nodes) {
        this.image = image;
        this.nodes = nodes;
    }

    /**
     * Reads every layer's entry names once.
     *
     * @param image the opened image
     * @return the stacked file tree
     * @throws IOException when a layer cannot be read
     */
    static ImageFileSystem index(ImageArchive image) throws IOException {
        NavigableMap<String, Node> nodes = new TreeMap<>();
        for (int layer = 0; layer < image.layerCount(); layer++) {
            List<String> whiteouts = new ArrayList<>();
            List<String> opaque = new ArrayList<>();
            Map<String, Node> added = new HashMap<>();
            String where = "layer " + image.layerName(layer);
            int entries = 0;
            try (TarArchiveInputStream in = image.openLayer(layer)) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    ImageArchive.checkHeader(e, where);
                    if (++entries > image.limits().layerEntries()) {
                        throw new IOException(where + " holds more than " + image.limits().layerEntries()
                                + " entries; refused");
                    }
                    String path = "/" + ImageArchive.entryName(e.getName());
                    String base = path.substring(path.lastIndexOf('/') + 1);
                    String dir = path.substring(0, path.lastIndexOf('/'));
                    if (base.equals(".wh..wh..opq")) {
                        opaque.add(dir);
                    } else if (base.startsWith(".wh.")) {
                        whiteouts.add(dir + "/" + base.substring(4));
                    } else if (e.isSymbolicLink()) {
                        added.put(path, new Node(layer, 'l', e.getLinkName()));
                    } else if (e.isLink()) {
                        added.put(path, new Node(layer, 'l', "/" + ImageArchive.entryName(e.getLinkName())));
                    } else if (e.isDirectory()) {
                        added.put(path, new Node(layer, 'd', null));
                    } else if (e.isFile()) {
                        added.put(path, new Node(layer, 'f', null));
                    }
                }
            }
            whiteouts.forEach(p -> removeTree(nodes, p, true));
            opaque.forEach(p -> removeTree(nodes, p, false));
            nodes.putAll(added);
        }
        return new ImageFileSystem(image, nodes);
    }

    /**
     * @param path an absolute path, possibly through symbolic links
     * @return the path with every link resolved, or {@code null} when it does not exist or links loop
     */
    String resolve(String path) {
        String current = normalise(path);
        for (int hops = 0; hops < MAX_LINKS; hops++) {
            String linked = firstLink(current);
            if (linked == null) {
                return current.equals("/") || nodes.containsKey(current) || hasChildren(current) ? current : null;
            }
            current = linked;
        }
        return null;
    }

    /** @return whether the path (links resolved) is a regular file */
    boolean isFile(String path) {
        String resolved = resolve(path);
        return resolved != null && nodes.containsKey(resolved) && nodes.get(resolved).kind() == 'f';
    }

    /** @return whether the path (links resolved) is a directory */
    boolean isDirectory(String path) {
        String resolved = resolve(path);
        return resolved != null && (resolved.equals("/") || hasChildren(resolved)
                || nodes.containsKey(resolved) && nodes.get(resolved).kind() == 'd');
    }

    /**
     * @param dir a directory (links resolved)
     * @return the regular files under it, at any depth, as absolute paths, sorted
     */
    List<String> filesUnder(String dir) {
        String resolved = resolve(dir);
        List<String> files = new ArrayList<>();
        if (resolved == null) {
            return files;
        }
        String prefix = resolved.equals("/") ? "/" : resolved + "/";
        for (Map.Entry<String, Node> e : nodes.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (e.getValue().kind() == 'f') {
                files.add(e.getKey());
            }
        }
        return files;
    }

    /**
     * Extracts regular files.
     *
     * @param files  absolute paths of regular files (links resolved, see {@link #resolve})
     * @param target a directory; each file lands at {@code target + path}
     * @return the extracted copy of each file, by its path
     * @throws IOException when a layer cannot be read or a file cannot be written
     */
    Map<String, Path> extract(Collection<String> files, Path target) throws IOException {
        Map<Integer, Set<String>> byLayer = new TreeMap<>();
        for (String file : files) {
            Node node = nodes.get(file);
            if (node == null || node.kind() != 'f') {
                throw new IOException(file + " is not a regular file in the image");
            }
            byLayer.computeIfAbsent(node.layer(), l -> new HashSet<>()).add(file);
        }
        Map<String, Path> extracted = new HashMap<>();
        for (Map.Entry<Integer, Set<String>> layer : byLayer.entrySet()) {
            Set<String> wanted = layer.getValue();
            String where = "layer " + image.layerName(layer.getKey());
            try (TarArchiveInputStream in = image.openLayer(layer.getKey())) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null && extracted.size() < files.size();
                        e = in.getNextEntry()) {
                    ImageArchive.checkHeader(e, where);
                    String path = "/" + ImageArchive.entryName(e.getName());
                    if (e.isFile() && !e.isLink() && !e.isSymbolicLink() && wanted.contains(path)
                            && !extracted.containsKey(path)) {
                        extracted.put(path, extractOne(in, e, path, where, target, image.limits().fileBytes()));
                    }
                }
            }
        }
        return extracted;
    }

    /** Copies the current entry of {@code in} to {@code target + path}, at most {@code max} bytes. */
    private static Path extractOne(TarArchiveInputStream in, TarArchiveEntry entry, String path, String where,
                                   Path target, long max) throws IOException {
        if (entry.getSize() > max) {
            throw new IOException(where + ": " + path + " declares " + entry.getSize() + " bytes, more than the "
                    + ImageArchive.size(max) + " read for one file; refused");
        }
        Path out = target.resolve(path.substring(1)).normalize();
        if (!out.startsWith(target)) {
            throw new IOException("entry escapes the extraction directory: " + path);
        }
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out)) {
            ImageArchive.copyAtMost(CloseShieldInputStream.wrap(in), file, max,
                    where + ": " + path, "holds");
        } catch (IOException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return out;
    }

    private String firstLink(String path) {
        String[] parts = path.substring(1).split("/");
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            current.append('/').append(parts[i]);
            Node node = nodes.get(current.toString());
            if (node != null && node.kind() == 'l') {
                String link = node.link();
                String parent = current.substring(0, current.lastIndexOf("/"));
                String target = link.startsWith("/") ? link : (parent.isEmpty() ? "" : parent) + "/" + link;
                StringBuilder rest = new StringBuilder(target);
                for (int j = i + 1; j < parts.length; j++) {
                    rest.append('/').append(parts[j]);
                }
                return normalise(rest.toString());
            }
        }
        return null;
    }

    private boolean hasChildren(String dir) {
        String prefix = dir + "/";
        String next = nodes.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    private static void removeTree(NavigableMap<String, Node> nodes, String path, boolean self) {
        if (self) {
            nodes.remove(path);
        }
        String prefix = path.equals("/") ? "/" : path + "/";
        nodes.subMap(prefix, true, prefix + Character.MAX_VALUE, true).clear();
    }

    /** @return an absolute path without {@code .}, {@code ..} or repeated slashes */
    static String normalise(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(part);
            }
        }
        return "/" + String.join("/", out);
    }
}
