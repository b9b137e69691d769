package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link Micronaut4ContextPathIT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Micronaut's DefaultRouter under a context path, on Temurin 25, and every check of the scenario
 * holds as with {@code -javaagent}.
 */
class Micronaut4ContextPathAttachJdk25IT extends Micronaut4ContextPathIT {

    @Override
    String service() {
        return "micronaut4-ctx-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
