package dev.runtruth.agenttests;

/**
 * {@link ServletUndertow23IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Undertow's ServletContextImpl, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class ServletUndertow23AttachIT extends ServletUndertow23IT {

    @Override
    String service() {
        return "servlet-undertow23-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
