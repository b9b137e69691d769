package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** {@link Boot27JerseyIT} on Temurin 25. */
class Boot27JerseyJdk25IT extends Boot27JerseyIT {

    @Override
    String service() {
        return "boot27-jersey-jdk25";
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
