package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

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
