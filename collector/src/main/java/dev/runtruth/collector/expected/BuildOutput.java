package dev.runtruth.collector.expected;

import dev.runtruth.collector.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A build output opened for scanning: a classes directory, a single class file, a plain jar, a Spring Boot fat jar
 * ({@code BOOT-INF/classes} plus nested {@code BOOT-INF/lib/*.jar}) or a war ({@code WEB-INF/classes} plus {@code
 * WEB-INF/lib/*.jar} and Spring Boot's {@code WEB-INF/lib-provided/*.jar}).
 *
 * <p>"Application classes" are the classes the build itself compiled (the directory, the plain jar, {@code
 * BOOT-INF/classes}, {@code WEB-INF/classes}); "library classes" are those of nested jars, read through
 * {@link LibraryIndex}. An unreadable entry is reported to the warning sink with its location and skipped; one that
 * goes past {@link BoundedRead}'s bounds throws {@link OversizedEntryException}.
 */
final class BuildOutput implements Closeable {

    /** The layouts this class understands. */
    enum Kind { CLASSES_DIRECTORY, CLASS_FILE, JAR, BOOT_JAR, WAR }

    /** Receives one application class file: where it was read (for messages) and its bytes. */
    interface ClassEntryConsumer {
        void accept(String location, byte[] bytes);
    }

    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String WEB_CLASSES = "WEB-INF/classes/";

    private final Path path;
    private final String display;
    private final Kind kind;
    private final ZipFile zip;
    private final Consumer<String> warnings;
    private final List<Path> externalLibraries = new ArrayList<>();
    private final List<ZipFile> opened = new ArrayList<>();

    private BuildOutput(Path path, Kind kind, ZipFile zip, Consumer<String> warnings) {
        this.path = path;
        this.display = path.toString();
        this.kind = kind;
        this.zip = zip;
        this.warnings = warnings;
    }

    /**
     * Opens a build output whose libraries are jar files beside it (Quarkus' fast-jar {@code lib/main}), not nested.
     *
     * @param path      the build output (the application's own jar)
     * @param libraries the library jar files, in class-path order
     * @param warnings  receives one line per skipped entry or library
     * @return the opened output; close it
     * @throws InputException as {@link #open(Path, Consumer)}
     */
    static BuildOutput open(Path path, List<Path> libraries, Consumer<String> warnings) throws InputException {
        BuildOutput output = open(path, warnings);
        output.externalLibraries.addAll(libraries);
        return output;
    }
    /**
     * Opens a build output, telling its layout from its content (magic bytes, entry names), not only its name.
     *
     * @param path     the build output
     * @param warnings receives one line per skipped entry or nested jar
     * @return the opened output; close it
     * @throws InputException if the path does not exist, cannot be read, is corrupt, or is not a jar, war, class file
     *                        or directory
     */
    static BuildOutput open(Path path, Consumer<String> warnings) throws InputException {
        String display = path.toString();
        if (Files.isDirectory(path)) {
            return new BuildOutput(path, Kind.CLASSES_DIRECTORY, null, warnings);
        }
        if (!Files.exists(path)) {
            throw new InputException(display, "no such file or directory");
        }
        byte[] head = readHead(path);
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isZip(head)) {
            ZipFile zip;
            try {
                zip = new ZipFile(path.toFile());
            } catch (IOException e) {
                throw new InputException(display, "corrupt jar: " + e.getMessage(), e);
            }
            return new BuildOutput(path, kindOf(zip), zip, warnings);
        }
        if (head.length == 4 && readInt(head) == ClassModelReader.MAGIC) {
            return new BuildOutput(path, Kind.CLASS_FILE, null, warnings);
        }
        if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".zip")) {
            throw new InputException(display, "corrupt jar: not a zip archive (" + describeHead(head) + ")");
        }
        if (lower.endsWith(".class")) {
            throw new InputException(display, "corrupt class file: " + describeHead(head)
                    + ", expected the magic 0xCAFEBABE");
        }
        throw new InputException(display, "not a build output, manifest or OpenAPI document (expected a jar, war,"
                + " class file or classes directory, a route manifest in JSON, or an OpenAPI document in YAML or"
                + " JSON)");
    }

    /** @return the layout */
    Kind kind() {
        return kind;
    }

    /** @return the path as the user gave it */
    String display() {
        return display;
    }

    /**
     * @return a service name for a build that does not name itself: the file name without extension, or for a
     *         Maven {@code target/classes} (or {@code test-classes}) directory the module directory's name
     */
    String defaultServiceName() {
        Path fileName = path.toAbsolutePath().normalize().getFileName();
        if (fileName == null) {
            return display;
        }
        String name = fileName.toString();
        if (kind == Kind.CLASSES_DIRECTORY) {
            Path parent = path.toAbsolutePath().normalize().getParent();
            boolean mavenOutput = name.equals("classes") || name.equals("test-classes");
            if (mavenOutput && parent != null && parent.getFileName() != null
                    && parent.getFileName().toString().equals("target") && parent.getParent() != null
                    && parent.getParent().getFileName() != null) {
                return parent.getParent().getFileName().toString();
            }
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Calls {@code consumer} for every application class file, in a stable order.
     *
     * @throws InputException if the directory or the archive cannot be read at all
     */
    void forEachApplicationClass(ClassEntryConsumer consumer) throws InputException {
        switch (kind) {
            case CLASS_FILE -> consumer.accept(display, readFile(path));
            case CLASSES_DIRECTORY -> forEachDirectoryClass(consumer);
            default -> {
                String prefix = kind == Kind.BOOT_JAR ? BOOT_CLASSES : kind == Kind.WAR ? WEB_CLASSES : "";
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(prefix) && isScannedClass(name.substring(prefix.length()))) {
                        byte[] bytes = readEntry(entry);
                        if (bytes != null) {
                            consumer.accept(display + "!/" + name, bytes);
                        }
                    }
                }
            }
        }
    }

    /** @return every entry name of the archive, in archive order; empty for a directory or a class file */
    List<String> entryNames() {
        if (zip == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            names.add(entry.getName());
        }
        return names;
    }

    /**
     * @return the entry names of the nested library jars (none for a directory, class file or plain jar), then the
     *         paths of the library files beside it
     */
    List<String> libraries() {
        List<String> libs = new ArrayList<>();
        externalLibraries.forEach(p -> libs.add(p.toString()));
        if (zip == null || kind == Kind.JAR) {
            return libs;
        }
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!entry.isDirectory() && name.endsWith(".jar") && (kind == Kind.BOOT_JAR
                    ? name.startsWith("BOOT-INF/lib/")
                    : name.startsWith("WEB-INF/lib/") || name.startsWith("WEB-INF/lib-provided/"))) {
                libs.add(name);
            }
        }
        return libs;
    }

    /**
     * Opens one nested jar for random access.
     *
     * @param lib a name from {@link #libraries()}
     * @throws IOException if the jar is not a readable zip archive
     */
    LibraryJar openLibrary(String lib) throws IOException {
        for (Path external : externalLibraries) {
            if (external.toString().equals(lib)) {
                ZipFile file = new ZipFile(external.toFile());
                opened.add(file);
                return new FileJar(file);
            }
        }
        return NestedJar.open(zip, zip.getEntry(lib));
    }

    /**
     * Reads the first resource that exists among {@code names} (paths relative to the archive or directory root).
     *
     * @return the bytes, or {@code null} when none exists or it cannot be read (then a warning is reported)
     */
    byte[] resource(List<String> names) {
        for (String name : names) {
            if (zip != null) {
                ZipEntry entry = zip.getEntry(name);
                if (entry != null && !entry.isDirectory()) {
                    return readEntry(entry);
                }
            } else if (kind == Kind.CLASSES_DIRECTORY) {
                Path file = path.resolve(name);
                if (Files.isRegularFile(file)) {
                    try {
                        return Files.readAllBytes(file);
                    } catch (IOException e) {
                        warnings.accept(file + ": cannot read: " + e.getMessage() + "; skipped");
                        return null;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        for (ZipFile file : opened) {
            file.close();
        }
        if (zip != null) {
            zip.close();
        }
    }

    private void forEachDirectoryClass(ClassEntryConsumer consumer) throws InputException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(p -> isScannedClass(path.relativize(p).toString().replace('\\', '/')))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(display, "cannot read directory: " + e.getMessage(), e);
        }
        for (Path file : files) {
            try {
                consumer.accept(file.toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                warnings.accept(file + ": cannot read: " + e.getMessage() + "; skipped");
            }
        }
    }

    private byte[] readEntry(ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return BoundedRead.readAtMost(in, BoundedRead.MAX_ENTRY_BYTES, entry.getName());
        } catch (BoundedRead.EntryTooLargeException e) {
            throw new OversizedEntryException(display, entry.getName(), e);
        } catch (IOException e) {
            warnings.accept(display + "!/" + entry.getName() + ": cannot read: " + e.getMessage() + "; skipped");
            return null;
        }
    }

    /** Class files that can declare routes: not module or package descriptors, not multi-release variants. */
    private static boolean isScannedClass(String relativeName) {
        return relativeName.endsWith(".class")
                && !relativeName.startsWith("META-INF/")
                && !relativeName.endsWith("module-info.class")
                && !relativeName.endsWith("package-info.class");
    }

    private static Kind kindOf(ZipFile zip) {
        boolean web = false;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().startsWith("BOOT-INF/")) {
                return Kind.BOOT_JAR;
            }
            web |= entry.getName().startsWith("WEB-INF/");
        }
        return web ? Kind.WAR : Kind.JAR;
    }

    private static byte[] readHead(Path path) throws InputException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), "no such file or directory", e);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read: " + e, e);
        }
    }

    private static byte[] readFile(Path path) throws InputException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read: " + e, e);
        }
    }

    /** Local file header or end-of-central-directory (empty archive) signature. */
    private static boolean isZip(byte[] head) {
        return head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
    }

    private static int readInt(byte[] b) {
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static String describeHead(byte[] head) {
        if (head.length == 0) {
            return "the file is empty";
        }
        StringBuilder hex = new StringBuilder("starts with 0x");
        for (byte b : head) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }
}
