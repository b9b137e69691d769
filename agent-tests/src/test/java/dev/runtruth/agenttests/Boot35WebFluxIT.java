package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

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

    @Override
    int minimumRoutes() {
        return 15;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /late/registered/{id}"),
                Route.parse("GET /greetings/{name}"),
                Route.parse("GET /fn/hello"),
                Route.parse("POST /fn/nested/items/{itemId}"),
                Route.parse("GET /v3/api-docs"),
                Route.parse("* /webjars/**"));
    }
}
