package dev.runtruth.agenttests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the JDKs the child JVMs run on. */
final class Jdks {

    static final Path JVM_DIR = Paths.get("/usr/lib/jvm");
    static final String TEMURIN_25 = "temurin-25-jdk-amd64";

    private Jdks() {
    }

    /**
     * @return the home of the JVM running the tests (what Maven was started with, normally {@code JAVA_HOME}); never
     *         {@code null}
     */
    static Path current() {
        return Paths.get(System.getProperty("java.home"));
    }

    /**
     * @return Temurin 25: the home named by system property {@code runtruth.jdk25.home}, else
     *         {@code /usr/lib/jvm/temurin-25-jdk-amd64}, else the first {@code /usr/lib/jvm/temurin-25*} with a
     *         {@code bin/java}; empty when none is installed
     */
    static Optional<Path> temurin25() {
        String configured = System.getProperty("runtruth.jdk25.home");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured)).filter(Jdks::hasJava);
        }
        return find(JVM_DIR, "temurin-25");
    }

    /** @return the first JDK home under {@code dir} named {@code prefix*} with a {@code bin/java}, preferring amd64 */
    static Optional<Path> find(Path dir, String prefix) {
        Path preferred = dir.resolve(TEMURIN_25);
        if (preferred.getFileName().toString().startsWith(prefix) && hasJava(preferred)) {
            return Optional.of(preferred);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.filter(home -> home.getFileName().toString().startsWith(prefix))
                    .filter(Jdks::hasJava)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return the {@code java} launcher of a JDK home */
    static Path java(Path javaHome) {
        return javaHome.resolve("bin").resolve("java");
    }

    private static boolean hasJava(Path home) {
        return Files.isExecutable(java(home));
    }
}
