package dev.runtruth.agenttests;

/**
 * {@link Grpc185Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * gRPC's ServerImpl (through channelz), on Temurin 25, and every check of the scenario holds as with {@code -javaagent}.
 */
class Grpc185AttachJdk25IT extends Grpc185Jdk25IT {

    @Override
    String service() {
        return "grpc185-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
