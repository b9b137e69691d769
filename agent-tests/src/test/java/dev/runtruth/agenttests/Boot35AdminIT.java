package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Spring Boot 3.5 (Spring MVC 6.2) with Spring Boot Admin's server: routes from a library, a functional endpoint and
 * a mapping registered through {@code registerMapping(..)} after startup.
 */
class Boot35AdminIT extends AbstractSpringAppIT {

    @Override
    String service() {
        return "boot35-admin-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot35-admin");
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /late/registered/{id}"),
                Route.parse("GET /fn/hello"),
                Route.parse("POST /fn/nested/items/{itemId}"),
                Route.parse("GET /applications"),
                Route.parse("GET /instances/{id}"));
    }

    @Override
    List<String> requiredLoadedJars() {
        return ADMIN_SERVER_JARS;
    }
}
