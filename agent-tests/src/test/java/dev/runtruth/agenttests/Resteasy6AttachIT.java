package dev.runtruth.agenttests;

/**
 * {@link Resteasy6IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find RESTEasy's deployment and Undertow's servlet context (reached through XNIO's I/O threads), and every check of
 * the scenario holds as with {@code -javaagent}.
 */
class Resteasy6AttachIT extends Resteasy6IT {

    @Override
    String service() {
        return "resteasy6-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
