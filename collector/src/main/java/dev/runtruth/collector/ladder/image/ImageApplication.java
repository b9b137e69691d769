package dev.runtruth.collector.ladder.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtruth.collector.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The Java application inside a container image tar ({@link ImageArchive}), found the way the container would start
 * it and turned into one jar the bytecode scanner reads ({@link #scannable()}):
 * <ol>
 *   <li>{@code java -jar JAR} in the image's Entrypoint + Cmd: that jar (a Spring Boot fat jar, a war, a plain jar);</li>
 *   <li>{@code java -cp CLASSPATH MAIN} (Jib: {@code /app/resources:/app/classes:/app/libs/*}, or
 *       {@code -cp @/app/jib-classpath-file}): directories are the application's classes and resources, jars its
 *       libraries; when the class path has no directory, the jars of its first entry are the application's (Jib's
 *       {@code packaged} mode puts {@code /app/classpath/*} first). A Spring Boot launcher main class
 *       ({@code org.springframework.boot.loader...JarLauncher}) on a directory holding {@code BOOT-INF} reads that
 *       exploded layout;</li>
 *   <li>no {@code java} on the command line: the one Spring Boot jar or war in the image outside the JDK
 *       directories.</li>
 * </ol>
 * Class-path entries are relative to the image's WorkingDir. The layout found is repacked as a Spring Boot style jar
 * ({@code BOOT-INF/classes}, {@code BOOT-INF/lib}), so {@code git.properties} in the resources is read as the build's
 * identity. Temporary files are deleted by {@link #close()}.
 */
public final class ImageApplication implements Closeable {

    private static final Set<String> BOOT_LAUNCHERS = Set.of("org.springframework.boot.loader.launch.JarLauncher",
            "org.springframework.boot.loader.JarLauncher", "org.springframework.boot.loader.launch.WarLauncher",
            "org.springframework.boot.loader.WarLauncher", "org.springframework.boot.loader.launch.PropertiesLauncher",
            "org.springframework.boot.loader.PropertiesLauncher");
    private static final List<String> JDK_DIRS = List.of("/usr/lib/jvm/", "/opt/java/", "/usr/share/", "/usr/lib/",
            "/etc/", "/jdk/", "/jre/", "/opt/jdk", "/usr/local/openjdk", "/layers/paketo");

    private final Path tempDir;
    private final Path scannable;
    private final String description;

    private ImageApplication(Path tempDir, Path scannable, String description) {
        this.tempDir = tempDir;
        this.scannable = scannable;
        this.description = description;
    }

    /**
     * @param path a file
     * @return whether it is a tar (or tar.gz) archive, the container image kind this class reads
     */
    public static boolean isImageTar(Path path) {
        return Files.isRegularFile(path) && ImageArchive.looksLikeImage(path);
    }

    /**
     * Finds the application in an image tar and repacks it for scanning.
     *
     * @param imageTar a docker-archive or OCI layout tar
     * @return the application; close it to delete the temporary files
     * @throws InputException naming the image when it cannot be read or holds no application this class can find
     */
    public static ImageApplication open(Path imageTar) throws InputException {
        String display = imageTar.toString();
        Path temp = null;
        try (ImageArchive image = ImageArchive.open(imageTar)) {
            temp = Files.createTempDirectory("runtruth-image-");
            ImageFileSystem fs = ImageFileSystem.index(image);
            Path files = Files.createDirectories(temp.resolve("fs"));
            JsonNode run = image.runConfig();
            List<String> command = new ArrayList<>();
            run.path("Entrypoint").forEach(n -> command.add(n.asText()));
            run.path("Cmd").forEach(n -> command.add(n.asText()));
            String workDir = run.path("WorkingDir").asText("");
            String cwd = workDir.isEmpty() ? "/" : workDir;
            JavaCommand java = JavaCommand.find(command, argFile -> readText(fs, absolute(cwd, argFile), files));
            String layers = image.format() + ", " + image.layerCount() + " layers";
            String name = imageTar.getFileName().toString().replaceAll("(\\.tar)?(\\.gz)?$", "");
            Path out = temp.resolve(name + ".jar");
            if (java != null && java.jar() != null) {
                String jar = fs.resolve(absolute(cwd, java.jar()));
                if (jar == null || !fs.isFile(jar)) {
                    throw new InputException(display, "the image runs '" + java.shown() + "', but "
                            + java.jar() + " is not a file in the image");
                }
                Path extracted = fs.extract(List.of(jar), files).get(jar);
                return new ImageApplication(temp, extracted, layers + "; runs " + java.shown() + ": " + jar);
            }
            if (java != null && java.classPath() != null) {
                String summary = repackClassPath(fs, cwd, java, files, out, display);
                return new ImageApplication(temp, out, layers + "; runs java -cp ... " + orEmpty(java.mainClass())
                        + ": " + summary);
            }
            String jar = findBootJar(fs, files, display, command);
            return new ImageApplication(temp, fs.extract(List.of(jar), files).get(jar),
                    layers + "; no java command line (" + (command.isEmpty() ? "no Entrypoint or Cmd"
                            : String.join(" ", command)) + "), the one Spring Boot archive: " + jar);
        } catch (IOException | UncheckedIOException e) {
            deleteTree(temp);
            throw new InputException(display, "cannot read the image: " + e.getMessage(), e);
        } catch (InputException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    /** @return the jar to give the bytecode scanner; valid until {@link #close()} */
    public Path scannable() {
        return scannable;
    }

    /**
     * @return where the application was found, e.g. {@code docker-archive, 2 layers; runs java -jar /app/app.jar:
     *         /app/app.jar}
     */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        deleteTree(tempDir);
    }

    private static String repackClassPath(ImageFileSystem fs, String cwd, JavaCommand launch, Path files, Path out,
                                          String display) throws IOException, InputException {
        List<String> appDirs = new ArrayList<>();
        List<String> appJars = new ArrayList<>();
        List<String> libJars = new ArrayList<>();
        List<List<String>> jarsPerEntry = new ArrayList<>();
        for (String entry : launch.classPath().split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            List<String> jars = new ArrayList<>();
            String path = absolute(cwd, entry);
            if (path.endsWith("/*")) {
                String dir = fs.resolve(path.substring(0, path.length() - 2));
                if (dir != null) {
                    for (String f : fs.filesUnder(dir)) {
                        String lower = f.toLowerCase(Locale.ROOT);
                        if (f.lastIndexOf('/') == dir.length() && (lower.endsWith(".jar"))) {
                            jars.add(f);
                        }
                    }
                }
            } else if (fs.isDirectory(path)) {
                String dir = fs.resolve(path);
                if (BOOT_LAUNCHERS.contains(launch.mainClass()) && fs.isDirectory(dir + "/BOOT-INF/classes")) {
                    appDirs.add(fs.resolve(dir + "/BOOT-INF/classes"));
                    fs.filesUnder(dir + "/BOOT-INF/lib").stream().filter(f -> f.endsWith(".jar")).forEach(libJars::add);
                } else {
                    appDirs.add(dir);
                }
            } else if (fs.isFile(path)) {
                jars.add(fs.resolve(path));
            }
            jarsPerEntry.add(jars);
        }
        boolean applicationFound = !appDirs.isEmpty();
        for (List<String> jars : jarsPerEntry) {
            if (!applicationFound && !jars.isEmpty()) {
                appJars.addAll(jars);
                applicationFound = true;
            } else {
                libJars.addAll(jars);
            }
        }
        if (appDirs.isEmpty() && appJars.isEmpty()) {
            throw new InputException(display, "the image runs '" + launch.shown() + "', but no class-path entry of it"
                    + " exists in the image");
        }
        List<String> wanted = new ArrayList<>(appJars);
        wanted.addAll(libJars);
        appDirs.forEach(d -> wanted.addAll(fs.filesUnder(d)));
        Map<String, Path> extracted = fs.extract(new HashSet<>(wanted), files);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            Set<String> names = new HashSet<>();
            for (String dir : appDirs) {
                for (String file : fs.filesUnder(dir)) {
                    putStored(zip, names, "BOOT-INF/classes/" + file.substring(dir.length() + 1), extracted.get(file));
                }
            }
            for (String jar : appJars) {
                try (ZipFile app = new ZipFile(extracted.get(jar).toFile())) {
                    for (ZipEntry e : java.util.Collections.list(app.entries())) {
                        if (!e.isDirectory() && names.add("BOOT-INF/classes/" + e.getName())) {
                            zip.putNextEntry(new ZipEntry("BOOT-INF/classes/" + e.getName()));
                            try (InputStream in = app.getInputStream(e)) {
                                in.transferTo(zip);
                            }
                            zip.closeEntry();
                        }
                    }
                }
            }
            for (String jar : libJars) {
                putStored(zip, names, "BOOT-INF/lib/" + jar.substring(jar.lastIndexOf('/') + 1), extracted.get(jar));
            }
        }
        return (appDirs.isEmpty() ? "" : appDirs.size() + " application director" + (appDirs.size() == 1 ? "y " : "ies ")
                + appDirs + ", ") + (appJars.isEmpty() ? "" : "application jar(s) " + appJars + ", ")
                + libJars.size() + " library jars";
    }

    /** Stores a file uncompressed, so the scanner reads a nested jar in place. */
    private static void putStored(ZipOutputStream zip, Set<String> names, String name, Path file) throws IOException {
        if (file == null || !names.add(name)) {
            return;
        }
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Files.size(file));
        entry.setCompressedSize(Files.size(file));
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        try (OutputStream body = new NonClosing(zip)) {
            Files.copy(file, body);
        }
        zip.closeEntry();
    }

    private static String findBootJar(ImageFileSystem fs, Path files, String display, List<String> command)
            throws IOException, InputException {
        List<String> candidates = fs.filesUnder("/").stream()
                .filter(f -> f.endsWith(".jar") || f.endsWith(".war"))
                .filter(f -> JDK_DIRS.stream().noneMatch(f::startsWith))
                .limit(200).toList();
        Map<String, Path> extracted = fs.extract(candidates, files);
        List<String> boot = new ArrayList<>();
        for (String candidate : candidates) {
            try (ZipFile zip = new ZipFile(extracted.get(candidate).toFile())) {
                if (zip.getEntry("BOOT-INF/classes/") != null || zip.stream().anyMatch(e ->
                        e.getName().startsWith("BOOT-INF/classes/") || e.getName().startsWith("WEB-INF/classes/"))) {
                    boot.add(candidate);
                }
            } catch (IOException e) {
                // not a zip: not an application archive
            }
        }
        if (boot.size() != 1) {
            throw new InputException(display, "cannot tell the application: the image's command ("
                    + (command.isEmpty() ? "none" : String.join(" ", command)) + ") runs no 'java -jar' or"
                    + " 'java -cp', and it holds " + (boot.isEmpty() ? "no" : boot.size()) + " Spring Boot jars or"
                    + " wars " + (boot.isEmpty() ? "" : boot.toString()));
        }
        return boot.get(0);
    }

    private static String readText(ImageFileSystem fs, String path, Path files) {
        String resolved = fs.resolve(path);
        if (resolved == null || !fs.isFile(resolved)) {
            return null;
        }
        try {
            return Files.readString(fs.extract(List.of(resolved), files).get(resolved), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code path} made absolute against {@code cwd} and normalised; a trailing {@code /*} is kept */
    private static String absolute(String cwd, String path) {
        boolean wildcard = path.endsWith("/*") || path.equals("*");
        String dir = wildcard ? path.substring(0, path.length() - 1) : path;
        String normal = ImageFileSystem.normalise(dir.startsWith("/") ? dir : cwd + "/" + dir);
        return wildcard ? (normal.equals("/") ? "/*" : normal + "/*") : normal;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files: the OS cleans up
        }
    }

    /** Lets {@code Files.copy} write into a zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
