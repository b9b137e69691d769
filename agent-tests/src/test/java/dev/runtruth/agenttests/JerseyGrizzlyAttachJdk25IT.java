package dev.runtruth.agenttests;

/**
 * {@link JerseyGrizzlyJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jersey's ApplicationHandler and its Grizzly server, on Temurin 25, and every check of the
 * scenario holds as with {@code -javaagent}.
 */
class JerseyGrizzlyAttachJdk25IT extends JerseyGrizzlyJdk25IT {

    @Override
    String service() {
        return "jersey-grizzly-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
