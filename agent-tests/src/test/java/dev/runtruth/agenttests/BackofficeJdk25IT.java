package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** The sample service on Temurin 25 (ByteBuddy's JDK 24+ class-file path, relocated by the shade plugin). */
class BackofficeJdk25IT extends BackofficeIT {

    @Override
    String service() {
        return "backoffice-jdk25";
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
