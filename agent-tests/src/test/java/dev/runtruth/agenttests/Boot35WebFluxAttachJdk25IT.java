package dev.runtruth.agenttests;

/**
 * {@link Boot35WebFluxJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Spring WebFlux's DispatcherHandler (Reactor Netty), on Temurin 25, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot35WebFluxAttachJdk25IT extends Boot35WebFluxJdk25IT {

    @Override
    String service() {
        return "boot35-webflux-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}
