package dev.runtruth.agenttests;

/**
 * {@link JerseyJettyHttpIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Jersey's JettyHttpContainer (the Jetty 12 server's handler) and its ApplicationHandler, and every check of the scenario holds as with {@code -javaagent}.
 */
class JerseyJettyHttpAttachIT extends JerseyJettyHttpIT {

    @Override
    String service() {
        return "jersey-jetty-http-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
