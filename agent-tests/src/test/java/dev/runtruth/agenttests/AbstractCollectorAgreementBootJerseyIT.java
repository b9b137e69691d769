package dev.runtruth.agenttests;

import java.util.List;

/**
 * Spring Boot with Jersey, the same app on every Boot line ({@code agent-tests/apps/boot27-jersey} on javax,
 * {@code boot35-jersey} on jakarta): {@code @ApplicationPath("/api")} on the {@code ResourceConfig}, a sub-resource
 * locator, {@code @HEAD}. One subclass per Boot line.
 */
abstract class AbstractCollectorAgreementBootJerseyIT extends AbstractCollectorAgreementIT {

    @Override
    String framework() {
        return "jaxrs";
    }

    @Override
    int minimumRoutes() {
        return 9;
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--server.port=" + httpPort, "--server.address=127.0.0.1");
    }

    @Override
    String readinessPath() {
        return "/api/actuator/health";
    }
}
