package dev.runtruth.agenttests;

/**
 * {@link Boot27JerseyIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Jersey 2's ServletContainer and ApplicationHandler in Spring Boot 2.7's Tomcat 9, and every check of the
 * scenario holds as with {@code -javaagent}.
 */
class Boot27JerseyAttachIT extends Boot27JerseyIT {

    @Override
    String service() {
        return "boot27-jersey-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
