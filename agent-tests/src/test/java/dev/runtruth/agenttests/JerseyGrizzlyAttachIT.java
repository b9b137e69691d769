package dev.runtruth.agenttests;

/**
 * {@link JerseyGrizzlyIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Jersey's ApplicationHandler and its Grizzly server, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class JerseyGrizzlyAttachIT extends JerseyGrizzlyIT {

    @Override
    String service() {
        return "jersey-grizzly-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
