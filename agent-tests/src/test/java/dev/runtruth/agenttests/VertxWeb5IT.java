package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Vert.x Web 5.1 on the JDK running the tests (17). */
class VertxWeb5IT extends AbstractVertxWebIT {

    @Override
    String service() {
        return "vertx5-web-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("vertx5-web");
    }
}
