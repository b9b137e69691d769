package dev.runtruth.agenttests;

/**
 * {@link Boot35JerseyIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Jersey's ApplicationHandler and ServletContainer inside Spring Boot, and every check of the scenario holds as with {@code -javaagent}.
 */
class Boot35JerseyAttachIT extends Boot35JerseyIT {

    @Override
    String service() {
        return "boot35-jersey-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
