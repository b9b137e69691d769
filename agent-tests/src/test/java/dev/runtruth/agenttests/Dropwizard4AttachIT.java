package dev.runtruth.agenttests;

/**
 * {@link Dropwizard4IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Jersey's handler and Jetty's contexts (through Jetty's shutdown thread), and every check of the scenario holds as with {@code -javaagent}.
 */
class Dropwizard4AttachIT extends Dropwizard4IT {

    @Override
    String service() {
        return "dropwizard4-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
