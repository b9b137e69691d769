package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/** Embedded Tomcat 9 (javax): the scenario of {@link ServletTomcat10IT} on {@code javax.servlet}. */
class ServletTomcat9IT extends AbstractServletAppIT {

    @Override
    String service() {
        return "servlet-tomcat9-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-tomcat9");
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
