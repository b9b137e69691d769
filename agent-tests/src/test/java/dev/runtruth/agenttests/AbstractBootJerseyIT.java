package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.util.List;
import java.util.Set;

/**
 * A Spring Boot app whose API is Jersey ({@code spring-boot-starter-jersey}): resources under
 * {@code @ApplicationPath("/api")}, served below context path {@code /ctx}, plus the actuator endpoints Spring Boot
 * registers as programmatic Jersey resources; checked against Jersey's WADL. One subclass per Boot/Jersey line and JDK.
 */
abstract class AbstractBootJerseyIT extends AbstractJerseyAppIT {

    static final String BASE = "/ctx/api";

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of();
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--server.port=" + httpPort, "--server.address=127.0.0.1", "--server.servlet.context-path=/ctx");
    }

    @Override
    String readinessPath() {
        return BASE + "/actuator/health";
    }

    @Override
    String jerseyBase() {
        return BASE;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET " + BASE + "/orders/{orderId}/lines/{line}"),
                Route.parse("HEAD " + BASE + "/ping"),
                Route.parse("GET " + BASE + "/"),
                Route.parse("POST " + BASE + "/actuator/loggers/{name}"));
    }
}
