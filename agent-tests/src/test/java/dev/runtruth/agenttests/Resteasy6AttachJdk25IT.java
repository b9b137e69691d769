package dev.runtruth.agenttests;

/**
 * {@link Resteasy6Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find RESTEasy's deployment and Undertow's servlet context, on Temurin 25, and every check of the scenario holds
 * as with {@code -javaagent}.
 */
class Resteasy6AttachJdk25IT extends Resteasy6Jdk25IT {

    @Override
    String service() {
        return "resteasy6-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
