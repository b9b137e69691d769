package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** {@link Micronaut4ManagementPortIT} on Temurin 25. */
class Micronaut4ManagementPortJdk25IT extends Micronaut4ManagementPortIT {

    @Override
    String service() {
        return "micronaut4-management-port-jdk25";
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
