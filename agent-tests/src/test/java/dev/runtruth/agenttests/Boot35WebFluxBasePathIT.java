package dev.runtruth.agenttests;

/** {@link Boot35WebFluxIT} with {@code spring.webflux.base-path}: every route is requested under it. */
class Boot35WebFluxBasePathIT extends Boot35WebFluxIT {

    @Override
    String service() {
        return "boot35-webflux-base-jdk17";
    }

    @Override
    String basePath() {
        return "/base/v1";
    }
}
