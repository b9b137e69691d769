package dev.runtruth.agenttests;

/**
 * {@link Boot35WebFluxIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Spring WebFlux's DispatcherHandler (Reactor Netty), and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot35WebFluxAttachIT extends Boot35WebFluxIT {

    @Override
    String service() {
        return "boot35-webflux-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
