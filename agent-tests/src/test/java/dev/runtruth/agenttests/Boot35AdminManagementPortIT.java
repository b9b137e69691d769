package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * The application context's routes (actuator's {@code /actuator/mappings}, read on the management port, context
     * without a parent) are the agent's routes without a port. The management context's routes carry the management
     * port and include every endpoint actuator links at {@code GET /actuator} there (actuator's mappings do not
     * describe the child context's {@code CompositeHandlerMapping}, so its links are the truth of that side).
     */
    @Override
    @Test
    void agentRoutesEqualActuatorMappings() throws IOException {
        String base = "http://127.0.0.1:" + managementPort;
        HttpResponse<String> mappings = TestJvm.get(base + "/actuator/mappings");
        assertThat(mappings.statusCode()).as(base + "/actuator/mappings").isEqualTo(200);
        assertThat(TestJvm.get(appUrl("/actuator/mappings")).statusCode())
                .as("the actuator is not on the application port").isEqualTo(404);
        Set<Route> application = ActuatorMappings.parse(mappings.body(), "", ActuatorMappings.DISPATCHER_SERVLETS,
                context -> context.path("parentId").isNull() || context.path("parentId").isMissingNode());
        assertThat(application).as("application context (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        Set<Route> links = new LinkedHashSet<>();
        HttpResponse<String> index = TestJvm.get(base + "/actuator");
        assertThat(index.statusCode()).as(base + "/actuator").isEqualTo(200);
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(index.body()).path("_links").forEach(link ->
                // a templated link (`/actuator/health/{*path}`) is no valid URI: cut scheme and authority as text
                links.add(Route.parse("GET " + link.path("href").asText().replaceFirst("^https?://[^/]+", "")
                        .replaceAll("\\{\\*[^}]*}", "**"))));
        assertThat(links).as("actuator's links (sanity)").contains(Route.parse("GET /actuator/mappings"));

        // per series, not as a set: `* /error` is served on both ports and a Route's identity has no port
        List<Route> agent = app().scrape().routeSeries();
        app().assertRoutesEqual("/actuator/mappings, application context", application,
                "runtruth_route_info{port=\"\"}", agent.stream().filter(r -> !r.onSeparateListener())
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        Set<Route> management = agent.stream().filter(r -> r.port().equals(String.valueOf(managementPort)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        System.out.printf("%s: %d actuator links, %d agent routes on the management port%n", service(), links.size(),
                management.size());
        assertThat(management).as("agent routes on the management port").containsAll(links);
        assertThat(agent).as("no other port").allMatch(r -> r.port().isEmpty()
                || r.port().equals(String.valueOf(managementPort)));
    }
}
