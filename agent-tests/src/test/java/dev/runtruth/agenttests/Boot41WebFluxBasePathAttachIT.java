package dev.runtruth.agenttests;

/**
 * {@link Boot41WebFluxBasePathIT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Spring WebFlux's DispatcherHandler under a base path, and every check of the scenario holds as
 * with {@code -javaagent}.
 */
class Boot41WebFluxBasePathAttachIT extends Boot41WebFluxBasePathIT {

    @Override
    String service() {
        return "boot41-webflux-base-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
