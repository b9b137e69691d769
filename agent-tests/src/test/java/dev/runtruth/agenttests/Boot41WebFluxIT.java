package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * Spring Boot 4.1 (WebFlux 7) with springdoc-openapi 3.1's WebFlux UI, an annotated controller, a functional endpoint
 * and a late {@code registerMapping(..)}, on JDK 17.
 */
class Boot41WebFluxIT extends AbstractSpringWebFluxIT {

    @Override
    String service() {
        return "boot41-webflux-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot41-webflux");
    }
}
