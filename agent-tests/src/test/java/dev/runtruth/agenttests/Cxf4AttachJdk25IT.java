package dev.runtruth.agenttests;

/**
 * {@link Cxf4Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find CXF's servlet, its JAX-RS servers and Tomcat's context, on Temurin 25, and every check of the scenario holds as
 * with {@code -javaagent}.
 */
class Cxf4AttachJdk25IT extends Cxf4Jdk25IT {

    @Override
    String service() {
        return "cxf4-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
