package dev.runtruth.agenttests;

/**
 * {@link ServletJetty12Ee11IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jetty 12.1's ee11 ServletContextHandler, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class ServletJetty12Ee11AttachIT extends ServletJetty12Ee11IT {

    @Override
    String service() {
        return "servlet-jetty12-ee11-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
