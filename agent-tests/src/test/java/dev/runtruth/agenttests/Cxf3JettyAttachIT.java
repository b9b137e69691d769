package dev.runtruth.agenttests;

/**
 * {@link Cxf3JettyIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find CXF 3's JAX-RS servers on CXF's own HTTP transport on Jetty 10, and every check of the scenario holds as with {@code -javaagent}.
 */
class Cxf3JettyAttachIT extends Cxf3JettyIT {

    @Override
    String service() {
        return "cxf3-jetty-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
