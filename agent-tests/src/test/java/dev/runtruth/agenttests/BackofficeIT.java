package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/** The demo's sample service (Spring Boot 3.5, our own controllers) on the JDK running the tests. */
class BackofficeIT extends AbstractSpringAppIT {

    @Override
    String service() {
        return "backoffice-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("backoffice");
    }

    // the sample service has no late registerMapping: actuator's health answers once it is started
    @Override
    String readinessPath() {
        return "/actuator/health";
    }

    @Override
    int minimumRoutes() {
        return 15;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /api/v1/workflows/steps/definitions"),
                Route.parse("GET /api/v1/workflows/{workflowId}"),
                Route.parse("POST /api/v1/workflows/{workflowId}/steps"),
                Route.parse("GET /api/v1/customers/{customerId}"),
                Route.parse("GET /api/v1/customers"),
                Route.parse("* /api/v1/orders/{orderId}/notes"),
                Route.parse("POST /api/v1/orders/{orderId}/cancellation"));
    }
}
