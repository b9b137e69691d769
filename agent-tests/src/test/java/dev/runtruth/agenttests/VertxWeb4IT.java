package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Vert.x Web 4.5 on the JDK running the tests (17). */
class VertxWeb4IT extends AbstractVertxWebIT {

    @Override
    String service() {
        return "vertx4-web-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("vertx4-web");
    }
}
