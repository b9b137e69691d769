package dev.runtruth.agenttests;

/**
 * {@link Cxf4IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * CXF's servlet, its JAX-RS servers and Tomcat's context, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class Cxf4AttachIT extends Cxf4IT {

    @Override
    String service() {
        return "cxf4-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
