package dev.runtruth.agenttests;

/**
 * {@link Boot41WebFluxIT} with {@code spring.webflux.base-path} (Boot 4 keeps {@code WebFluxProperties} in another
 * package than Boot 3).
 */
class Boot41WebFluxBasePathIT extends Boot41WebFluxIT {

    @Override
    String service() {
        return "boot41-webflux-base-jdk17";
    }

    @Override
    String basePath() {
        return "/base";
    }
}
