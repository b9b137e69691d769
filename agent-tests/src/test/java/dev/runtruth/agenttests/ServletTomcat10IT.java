package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/** Embedded Tomcat 10.1 (jakarta): servlets from {@code web.xml}, {@code @WebServlet}, a {@code ServletContainerInitializer} (Prometheus, H2 console) and Tomcat's own {@code default} and {@code jsp}. */
class ServletTomcat10IT extends AbstractServletAppIT {

    @Override
    String service() {
        return "servlet-tomcat10-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-tomcat10");
    }

    @Override
    String contextPath() {
        return "/shop";
    }

    @Override
    int minimumRoutes() {
        return 9;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("* /shop/**/*.do"),
                Route.parse("* /shop/legacy/**"),
                Route.parse("* /shop/annotated/items/**"),
                Route.parse("* /shop/metrics"),
                Route.parse("* /shop/h2/**"),
                Route.parse("* /shop/**"),
                Route.parse("* /shop/**/*.jsp"),
                Route.parse("* /shop/"));
    }
}
