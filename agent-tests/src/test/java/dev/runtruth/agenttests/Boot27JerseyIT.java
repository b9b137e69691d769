package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Spring Boot 2.7 with Jersey 2 (javax, Tomcat 9). */
class Boot27JerseyIT extends AbstractBootJerseyIT {

    @Override
    String service() {
        return "boot27-jersey-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot27-jersey");
    }
}
