package dev.runtruth.agenttests;

/**
 * {@link ServletJetty12IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Jetty 12's ee10 ServletContextHandler, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class ServletJetty12AttachIT extends ServletJetty12IT {

    @Override
    String service() {
        return "servlet-jetty12-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
