package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.util.Set;

/**
 * Embedded Tomcat with the same servlets on every line ({@code agent-tests/apps/servlet-tomcat10} on jakarta,
 * {@code servlet-tomcat9} on javax) under context path {@code /shop}: servlets from {@code web.xml},
 * {@code @WebServlet}, a {@code ServletContainerInitializer} (Prometheus, H2 console) and Tomcat's own
 * {@code default} and {@code jsp}. One subclass per Tomcat line and JDK.
 */
abstract class AbstractServletTomcatIT extends AbstractServletAppIT {

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
