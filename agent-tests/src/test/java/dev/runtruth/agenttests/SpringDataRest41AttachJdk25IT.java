package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link SpringDataRest41IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Spring MVC 7's DispatcherServlet with Spring Data REST 5's handler mappings, on Temurin 25, and every check
 * of the scenario holds as with {@code -javaagent}.
 */
class SpringDataRest41AttachJdk25IT extends SpringDataRest41IT {

    @Override
    String service() {
        return "sdr41-attach-jdk25";
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
