package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** {@link ServletJetty12Ee8IT} on Temurin 25. */
class ServletJetty12Ee8Jdk25IT extends ServletJetty12Ee8IT {

    @Override
    String service() {
        return "servlet-jetty12-ee8-jdk25";
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
