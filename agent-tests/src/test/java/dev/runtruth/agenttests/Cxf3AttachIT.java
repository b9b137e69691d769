package dev.runtruth.agenttests;

/**
 * {@link Cxf3IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find CXF 3's servlet, its JAX-RS servers and Tomcat 9's context, and every check of the scenario holds as with {@code -javaagent}.
 */
class Cxf3AttachIT extends Cxf3IT {

    @Override
    String service() {
        return "cxf3-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
