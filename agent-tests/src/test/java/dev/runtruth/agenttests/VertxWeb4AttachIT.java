package dev.runtruth.agenttests;

/**
 * {@link VertxWeb4IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Vert.x Web 4.5's RouterImpls, and every check of the scenario holds as with {@code -javaagent}.
 */
class VertxWeb4AttachIT extends VertxWeb4IT {

    @Override
    String service() {
        return "vertx4-web-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
