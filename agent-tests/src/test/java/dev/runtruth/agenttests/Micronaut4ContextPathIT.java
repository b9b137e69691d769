package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.util.Set;

/**
 * {@link Micronaut4IT} with {@code micronaut.server.context-path=/ctx}. The router's templates hold the prefix for
 * annotated controllers and management endpoints; routes a {@code RouteBuilder} adds with an explicit URI do not get
 * it, and Micronaut serves them without it ({@code /programmatic/ping/x} answers, {@code /ctx/programmatic/...} is
 * 404).
 */
class Micronaut4ContextPathIT extends Micronaut4IT {

    @Override
    String service() {
        return "micronaut4-ctx-jdk17";
    }

    @Override
    String contextPath() {
        return "/ctx";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /ctx/books"),
                Route.parse("GET /ctx/books/{id}"),
                Route.parse("GET /ctx/files/{*path}"),
                Route.parse("GET /programmatic/ping/{name}"),
                Route.parse("POST /ctx/loggers/{name}"),
                Route.parse("GET /ctx/health/{selector}"));
    }
}
