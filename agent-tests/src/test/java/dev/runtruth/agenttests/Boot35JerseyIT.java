package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Spring Boot 3.5 with Jersey 3.1 (jakarta, Tomcat 10.1). */
class Boot35JerseyIT extends AbstractBootJerseyIT {

    @Override
    String service() {
        return "boot35-jersey-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot35-jersey");
    }
}
