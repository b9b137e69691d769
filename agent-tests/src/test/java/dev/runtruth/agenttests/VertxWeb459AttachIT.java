package dev.runtruth.agenttests;

/**
 * {@link VertxWeb459IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Vert.x Web 4.5.9's RouterImpls (mounts followed through the sub-router its mount handler captured), and every
 * check of the scenario holds as with {@code -javaagent}.
 */
class VertxWeb459AttachIT extends VertxWeb459IT {

    @Override
    String service() {
        return "vertx459-web-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
