package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * Vert.x Web 4.5.9 on the JDK running the tests (17): the vertx4-web app's source built against a vertx-web without
 * {@code Route#getSubRouter()} (added in 4.5.26), so the agent follows mounts through the sub-router captured by
 * vertx-web's mount handler.
 */
class VertxWeb459IT extends AbstractVertxWebIT {

    @Override
    String service() {
        return "vertx459-web-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("vertx459-web");
    }
}
