package dev.runtruth.agenttests;

/**
 * {@link Javalin60IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Javalin 6.0.0's JavalinConfig (the Javalin object itself is gone once main returned), and every check of the
 * scenario holds as with {@code -javaagent}.
 */
class Javalin60AttachIT extends Javalin60IT {

    @Override
    String service() {
        return "javalin60-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
