package dev.runtruth.collector.ladder.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The file tree an image's layers stack up to, as an index (which layer holds the winning version of each path)
 * rather than an unpacked copy: only the files asked for are extracted. Layers apply in order with the whiteouts of
 * the OCI image spec ({@code layer.md}): {@code .wh.NAME} deletes {@code NAME} from the layers below,
 * {@code .wh..wh..opq} empties its directory of what the layers below put there. Paths are absolute ({@code /app/x}).
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
            try (InputStream in = image.openLayer(layer)) {
                TarReader reader = new TarReader(in);
                for (TarReader.Entry e = reader.next(); e != null; e = reader.next()) {
                    String path = "/" + e.name();
                    String base = path.substring(path.lastIndexOf('/') + 1);
                    String dir = path.substring(0, path.lastIndexOf('/'));
                    if (base.equals(".wh..wh..opq")) {
                        opaque.add(dir);
                    } else if (base.startsWith(".wh.")) {
                        whiteouts.add(dir + "/" + base.substring(4));
                    } else if (e.isFile()) {
                        added.put(path, new Node(layer, 'f', null));
                    } else if (e.isDirectory()) {
                        added.put(path, new Node(layer, 'd', null));
                    } else if (e.isSymlink()) {
                        added.put(path, new Node(layer, 'l', e.linkName()));
                    } else if (e.isHardLink()) {
                        added.put(path, new Node(layer, 'l', "/" + TarReader.normalise(e.linkName())));
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
            try (InputStream in = image.openLayer(layer.getKey())) {
                TarReader reader = new TarReader(in);
                for (TarReader.Entry e = reader.next(); e != null && extracted.size() < files.size();
                        e = reader.next()) {
                    String path = "/" + e.name();
                    if (e.isFile() && wanted.contains(path) && !extracted.containsKey(path)) {
                        Path out = target.resolve(path.substring(1)).normalize();
                        if (!out.startsWith(target)) {
                            throw new IOException("entry escapes the extraction directory: " + path);
                        }
                        Files.createDirectories(out.getParent());
                        Files.copy(reader.content(), out, StandardCopyOption.REPLACE_EXISTING);
                        extracted.put(path, out);
                    }
                }
            }
        }
        return extracted;
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
