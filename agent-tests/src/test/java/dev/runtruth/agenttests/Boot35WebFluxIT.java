package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * Spring Boot 3.5 (WebFlux 6.2) with springdoc-openapi's WebFlux UI: routes from a library, an annotated controller,
 * a functional endpoint and a mapping registered through {@code registerMapping(..)} after startup, on JDK 17.
 */
class Boot35WebFluxIT extends AbstractSpringWebFluxIT {

    @Override
    String service() {
        return "boot35-webflux-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot35-webflux");
    }
}
