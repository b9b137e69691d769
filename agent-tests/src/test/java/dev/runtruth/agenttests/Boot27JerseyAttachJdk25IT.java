package dev.runtruth.agenttests;

/**
 * {@link Boot27JerseyJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jersey 2's ServletContainer and ApplicationHandler in Spring Boot 2.7, on Temurin 25, and every
 * check of the scenario holds as with {@code -javaagent}.
 */
class Boot27JerseyAttachJdk25IT extends Boot27JerseyJdk25IT {

    @Override
    String service() {
        return "boot27-jersey-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
