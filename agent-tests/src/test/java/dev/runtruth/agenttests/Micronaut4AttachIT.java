package dev.runtruth.agenttests;

/**
 * {@link Micronaut4IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Micronaut's DefaultRouter (through its shutdown hook), and every check of the scenario holds as with {@code -javaagent}.
 */
class Micronaut4AttachIT extends Micronaut4IT {

    @Override
    String service() {
        return "micronaut4-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
