package dev.runtruth.agenttests;

/**
 * {@link Javalin7Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Javalin 7's JavalinState (the Javalin object itself is gone once main returned), on Temurin 25, and every
 * check of the scenario holds as with {@code -javaagent}.
 */
class Javalin7AttachJdk25IT extends Javalin7Jdk25IT {

    @Override
    String service() {
        return "javalin7-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
