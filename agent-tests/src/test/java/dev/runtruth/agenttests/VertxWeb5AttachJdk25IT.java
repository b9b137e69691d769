package dev.runtruth.agenttests;

/**
 * {@link VertxWeb5Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Vert.x Web 5.1's RouterImpls, on Temurin 25, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class VertxWeb5AttachJdk25IT extends VertxWeb5Jdk25IT {

    @Override
    String service() {
        return "vertx5-web-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
