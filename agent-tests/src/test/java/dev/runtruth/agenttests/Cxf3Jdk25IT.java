package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** {@link Cxf3IT} on Temurin 25. */
class Cxf3Jdk25IT extends Cxf3IT {

    @Override
    String service() {
        return "cxf3-jdk25";
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
