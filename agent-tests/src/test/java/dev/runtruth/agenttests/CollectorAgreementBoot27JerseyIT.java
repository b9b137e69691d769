package dev.runtruth.agenttests;

import java.util.List;

/**
 * Spring Boot 2.7 with Jersey: {@code @ApplicationPath("/api")} on the {@code ResourceConfig}, a sub-resource
 * locator, {@code @HEAD}.
 */
class CollectorAgreementBoot27JerseyIT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "boot27-jersey";
    }

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
