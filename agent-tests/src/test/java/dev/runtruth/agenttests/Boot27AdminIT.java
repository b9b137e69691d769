package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Spring Boot 2.7 (Spring MVC 5.3, javax, old nested-jar loader) with Spring Boot Admin's server, on JDK 17. */
class Boot27AdminIT extends AbstractSpringAppIT {

    @Override
    String service() {
        return "boot27-admin-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot27-admin");
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /late/registered/{id}"),
                Route.parse("GET /applications"),
                Route.parse("GET /instances/{id}"));
    }

    @Override
    List<String> requiredLoadedJars() {
        return ADMIN_SERVER_JARS;
    }
}
