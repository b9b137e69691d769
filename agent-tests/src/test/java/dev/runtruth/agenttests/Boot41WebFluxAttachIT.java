package dev.runtruth.agenttests;

/**
 * {@link Boot41WebFluxIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Spring WebFlux's DispatcherHandler on Boot 4.1, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot41WebFluxAttachIT extends Boot41WebFluxIT {

    @Override
    String service() {
        return "boot41-webflux-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
