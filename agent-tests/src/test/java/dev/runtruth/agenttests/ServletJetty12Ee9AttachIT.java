package dev.runtruth.agenttests;

/**
 * {@link ServletJetty12Ee9IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jetty 12.0's ee9 ServletContextHandler, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class ServletJetty12Ee9AttachIT extends ServletJetty12Ee9IT {

    @Override
    String service() {
        return "servlet-jetty12-ee9-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
