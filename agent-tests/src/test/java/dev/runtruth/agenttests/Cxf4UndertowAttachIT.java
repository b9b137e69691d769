package dev.runtruth.agenttests;

/**
 * {@link Cxf4UndertowIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find CXF 4's JAX-RS servers on CXF's own HTTP transport on Undertow, and every check of the scenario holds as with {@code -javaagent}.
 */
class Cxf4UndertowAttachIT extends Cxf4UndertowIT {

    @Override
    String service() {
        return "cxf4-undertow-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
