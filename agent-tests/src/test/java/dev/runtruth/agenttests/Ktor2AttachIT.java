package dev.runtruth.agenttests;

/**
 * {@link Ktor2IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Ktor 2's routing root and Netty engine, and every check of the scenario holds as with {@code -javaagent}.
 */
class Ktor2AttachIT extends Ktor2IT {

    @Override
    String service() {
        return "ktor2-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
