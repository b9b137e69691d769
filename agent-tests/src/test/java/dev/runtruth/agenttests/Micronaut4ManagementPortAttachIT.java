package dev.runtruth.agenttests;

/**
 * {@link Micronaut4ManagementPortIT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Micronaut's router, and every check of the scenario holds as with {@code -javaagent}, the
 * management port of each endpoint route included.
 */
class Micronaut4ManagementPortAttachIT extends Micronaut4ManagementPortIT {

    @Override
    String service() {
        return "micronaut4-management-port-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
