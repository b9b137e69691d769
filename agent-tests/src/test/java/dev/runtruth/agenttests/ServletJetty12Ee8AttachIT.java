package dev.runtruth.agenttests;

/**
 * {@link ServletJetty12Ee8IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jetty 12.0's ee8 ServletContextHandler, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class ServletJetty12Ee8AttachIT extends ServletJetty12Ee8IT {

    @Override
    String service() {
        return "servlet-jetty12-ee8-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
