package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/**
 * Micronaut 4.10 (platform 4.10.17) on Netty: annotated controllers with query templates, regex constraints and
 * optional segments, routes from a {@code RouteBuilder}, and micronaut-management's endpoints (library routes).
 */
class Micronaut4IT extends AbstractMicronautAppIT {

    @Override
    String service() {
        return "micronaut4-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("micronaut4");
    }

    @Override
    int minimumRoutes() {
        return 30;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /books"),
                Route.parse("GET /books/{id}"),
                Route.parse("GET /files/{*path}"),
                Route.parse("GET /programmatic/ping/{name}"),
                Route.parse("POST /loggers/{name}"),
                Route.parse("GET /health/{selector}"));
    }
}
