package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * What the fault matrix runs on that no package ships: a Java runtime without {@code jdk.httpserver}, made by the
 * JDK's own {@code jlink} and cached under {@code target/jlinked}, and a second copy of the agent jar that claims
 * another version.
 */
final class FaultRuntimes {

    /** Everything the agent and the fault host need, and a typical server runtime has, except jdk.httpserver. */
    static final String MODULES = "java.base,java.instrument,java.logging,java.management,java.naming,java.sql,"
            + "jdk.unsupported";

    private FaultRuntimes() {
    }

    /**
     * @param jdk a JDK home with {@code bin/jlink}
     * @return a runtime image of {@link #MODULES}, made once per JDK and kept under {@code target/jlinked}
     */
    static synchronized Path withoutHttpServer(Path jdk) {
        Path image = Paths.get("target", "jlinked", jdk.getFileName() + "-no-httpserver").toAbsolutePath();
        if (Files.isExecutable(Jdks.java(image))) {
            return image;
        }
        Path partial = image.resolveSibling(image.getFileName() + ".partial");
        try {
            deleteTree(partial);
            Files.createDirectories(partial.getParent());
            Process jlink = new ProcessBuilder(jdk.resolve("bin").resolve("jlink").toString(), "--add-modules", MODULES,
                    "--strip-debug", "--no-header-files", "--no-man-pages", "--output", partial.toString())
                    .redirectErrorStream(true).redirectOutput(image.resolveSibling("jlink.log").toFile()).start();
            assertThat(jlink.waitFor(5, TimeUnit.MINUTES)).as("jlink finished within 5 min").isTrue();
            assertThat(jlink.exitValue()).as("jlink exit code, see %s", image.resolveSibling("jlink.log")).isZero();
            Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running jlink", e);
        }
    }

    /**
     * @param agentJar the built agent jar
     * @param version  the {@code Implementation-Version} the copy claims
     * @return a copy of the jar under {@code target/}, same classes, another version in its manifest
     */
    static Path agentCopy(Path agentJar, String version) {
        Path copy = Paths.get("target", "runtruth-agent-" + version + ".jar").toAbsolutePath();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(agentJar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            try (OutputStream file = Files.newOutputStream(copy);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + agentJar, e);
        }
    }

    /** @return the manifest version of a jar, for messages */
    static String version(Path jar) {
        try (InputStream in = Files.newInputStream(jar); JarInputStream jarIn = new JarInputStream(in)) {
            return jarIn.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
