package dev.runtruth.agenttests;

/**
 * {@link JerseyJettyHttpJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jersey's JettyHttpContainer (the Jetty 12 server's handler) and its ApplicationHandler, on
 * Temurin 25, and every check of the scenario holds as with {@code -javaagent}.
 */
class JerseyJettyHttpAttachJdk25IT extends JerseyJettyHttpJdk25IT {

    @Override
    String service() {
        return "jersey-jetty-http-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
