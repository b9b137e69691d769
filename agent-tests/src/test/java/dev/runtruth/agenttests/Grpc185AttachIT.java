package dev.runtruth.agenttests;

/**
 * {@link Grpc185IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * gRPC's ServerImpl (through channelz), and every check of the scenario holds as with {@code -javaagent}.
 */
class Grpc185AttachIT extends Grpc185IT {

    @Override
    String service() {
        return "grpc185-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
