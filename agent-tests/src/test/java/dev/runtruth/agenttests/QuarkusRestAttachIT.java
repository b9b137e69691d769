package dev.runtruth.agenttests;

/**
 * {@link QuarkusRestIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * the Quarkus REST deployment (through its recorder's static), and every check of the scenario holds as with {@code -javaagent}.
 */
class QuarkusRestAttachIT extends QuarkusRestIT {

    @Override
    String service() {
        return "quarkus-rest-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
