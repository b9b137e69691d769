package dev.runtruth.agenttests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** {@link VertxWeb459IT} on Temurin 25 (the mount lambda is a hidden class there too, with JDK 25's naming). */
class VertxWeb459Jdk25IT extends VertxWeb459IT {

    @Override
    String service() {
        return "vertx459-web-jdk25";
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR);
        return jdk25.get();
    }
}
