package dev.runtruth.agenttests;

/**
 * {@link SpringDataRest35IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Spring MVC's DispatcherServlet, whose handler mappings include Spring Data REST's, and every check of the
 * scenario holds as with {@code -javaagent}.
 */
class SpringDataRest35AttachIT extends SpringDataRest35IT {

    @Override
    String service() {
        return "sdr35-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
