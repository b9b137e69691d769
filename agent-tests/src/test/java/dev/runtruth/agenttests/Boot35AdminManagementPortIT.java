package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link Boot35AdminIT} with the actuator on a port of its own ({@code management.server.port}): Spring Boot then runs
 * a child application context (server namespace {@code management}) with its own Tomcat. The truth is actuator's
 * {@code /actuator/mappings}, served on the management port, which lists both contexts: the child context's routes
 * must carry the management port in the agent's {@code port} label, the application context's none.
 */
class Boot35AdminManagementPortIT extends Boot35AdminIT {

    private final int managementPort = TestJvm.freePort();

    @Override
    String service() {
        return "boot35-admin-management-port-jdk17";
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        super.launch(builder, httpPort);
        builder.args("--management.server.port=" + managementPort, "--management.server.address=127.0.0.1");
    }

    @Override
    Set<Integer> servedPorts() {
        return Set.of(app().httpPort(), managementPort);
    }

    @Override
    @Test
    void agentRoutesEqualActuatorMappings() throws IOException {
        String url = "http://127.0.0.1:" + managementPort + "/actuator/mappings";
        HttpResponse<String> response = TestJvm.get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(TestJvm.get(appUrl("/actuator/mappings")).statusCode())
                .as("the actuator is not on the application port").isEqualTo(404);
        Set<Route> application = ActuatorMappings.parse(response.body(), "", ActuatorMappings.DISPATCHER_SERVLETS,
                context -> context.path("parentId").isNull() || context.path("parentId").isMissingNode());
        Set<Route> management = ActuatorMappings.parse(response.body(), "", ActuatorMappings.DISPATCHER_SERVLETS,
                context -> context.path("parentId").isTextual());
        assertThat(application).as("application context (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        assertThat(management).as("management context (sanity)").contains(Route.parse("GET /actuator/mappings"));

        Set<Route> agent = app().scrape().routes();
        app().assertRoutesEqual("/actuator/mappings, application context", application,
                "runtruth_route_info{port=\"\"}", agent.stream().filter(r -> !r.onSeparateListener())
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        app().assertRoutesEqual("/actuator/mappings, management context", management,
                "runtruth_route_info{port=\"" + managementPort + "\"}", agent.stream()
                        .filter(r -> r.port().equals(String.valueOf(managementPort)))
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        assertThat(agent).as("no other port").allMatch(r -> r.port().isEmpty()
                || r.port().equals(String.valueOf(managementPort)));
    }
}
