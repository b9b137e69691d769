package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/** Embedded Undertow 2.3 (jakarta): servlets of a {@code DeploymentInfo} (H2 console) and of a {@code ServletContainerInitializer} (Prometheus, an extension mapping). */
class ServletUndertow23IT extends AbstractServletAppIT {

    @Override
    String service() {
        return "servlet-undertow23-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-undertow23");
    }

    @Override
    String contextPath() {
        return "/u";
    }

    @Override
    int minimumRoutes() {
        return 5;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("* /u/hello"),
                Route.parse("* /u/hello/**"),
                Route.parse("* /u/h2/**"),
                Route.parse("* /u/metrics"),
                Route.parse("* /u/**/*.csv"));
    }
}
