package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/**
 * Spring Boot 4.1 (Spring MVC 7) with every actuator web endpoint exposed, a functional endpoint and a late
 * {@code registerMapping(..)}, on JDK 17.
 */
class Boot41WebIT extends AbstractSpringAppIT {

    @Override
    String service() {
        return "boot41-web-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot41-web");
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /late/registered/{id}"),
                Route.parse("GET /fn/hello"),
                Route.parse("POST /fn/nested/items/{itemId}"),
                Route.parse("GET /actuator/beans"),
                Route.parse("POST /actuator/loggers/{name}"));
    }
}
