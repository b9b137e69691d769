package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link Micronaut4IT} with micronaut-management's endpoints on a port of their own ({@code endpoints.all.port}):
 * Micronaut's router then serves each endpoint route only on that port and the application's routes only on the
 * server's default port. The truth is Micronaut's own: the {@code /routes} listing (served on the management port,
 * 404 on the application port) for the routes, and for where each is served, what Micronaut answers: every {@code
 * GET} route of the listing without a path variable is requested on both ports, and the port that does not answer 404
 * is the one it is served on. The agent must report the management routes with that port in its {@code port} label,
 * the application's without one; {@code runtruth check} must leave the management routes out of its comparison and
 * name them.
 */
class Micronaut4ManagementPortIT extends Micronaut4IT {

    private final int managementPort = TestJvm.freePort();

    @Override
    String service() {
        return "micronaut4-management-port-jdk17";
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        super.launch(builder, httpPort);
        builder.args("--endpoints.all.port=" + managementPort);
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(managementUrl("/health"), START_TIMEOUT).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Override
    Set<Integer> servedPorts() {
        return Set.of(app().httpPort(), managementPort);
    }

    private String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + contextPath() + path;
    }

    /** Micronaut's {@code /routes}, on the management port; the agent's routes, whatever their port, equal it. */
    @Override
    @Test
    void agentRoutesEqualRoutesEndpoint() throws IOException {
        assertThat(TestJvm.get(appUrl("/routes")).statusCode()).as("/routes is not on the application port")
                .isEqualTo(404);
        Set<Route> truth = MicronautRoutesEndpoint.read(managementUrl("/routes"));
        assertThat(truth).as("Micronaut's own /routes listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        app().assertRoutesEqual("/routes (management port)", truth, "runtruth_route_info", app().routes("micronaut"));
    }

    /**
     * Where Micronaut serves each plain {@code GET} route of its listing (the port that does not answer 404) is the
     * agent's {@code port} label: the management port for a route served there, empty for the application's port.
     */
    @Test
    void eachRouteCarriesThePortMicronautServesItOn() throws IOException {
        Set<Route> truth = MicronautRoutesEndpoint.read(managementUrl("/routes"));
        Map<Route, String> servedOn = new LinkedHashMap<>();
        for (Route route : truth) {
            if (!route.method().equals("GET") || route.template().contains("{")) {
                continue;
            }
            boolean onApplication = TestJvm.get(appUrl(route.template())).statusCode() != 404;
            boolean onManagement = TestJvm.get(managementUrl(route.template())).statusCode() != 404;
            assertThat(onApplication ^ onManagement).as("%s answers on exactly one of the two ports", route).isTrue();
            servedOn.put(route, onManagement ? String.valueOf(managementPort) : "");
        }
        assertThat(servedOn).as("plain GET routes on each port (sanity)")
                .containsValue("").containsValue(String.valueOf(managementPort))
                .containsEntry(Route.parse("GET /health"), String.valueOf(managementPort))
                .containsEntry(Route.parse("GET /books"), "");

        List<Route> agent = app().scrape().routeSeries();
        Map<Route, String> agentPorts = agent.stream().filter(servedOn::containsKey)
                .collect(Collectors.toMap(r -> r, Route::port, (a, b) -> a + "|" + b, LinkedHashMap::new));
        System.out.printf("%s: %d plain GET routes requested, %d on the management port; %d agent routes with port %d%n",
                service(), servedOn.size(), servedOn.values().stream().filter(p -> !p.isEmpty()).count(),
                agent.stream().filter(r -> r.port().equals(String.valueOf(managementPort))).count(), managementPort);
        assertThat(agentPorts).as("the agent's port label of each plain GET route\n%s", app().describe())
                .isEqualTo(servedOn);
        assertThat(agent).as("no other port").allMatch(r -> r.port().isEmpty()
                || r.port().equals(String.valueOf(managementPort)));
    }

    /**
     * {@code runtruth check} compares the application listener's routes only: no management endpoint is unexpected,
     * and a note names the routes left out on the management port.
     */
    @Test
    void checkLeavesTheManagementPortOutAndSaysSo() throws IOException {
        OneShot check = OneShot.run("collector-check-" + service(), Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--expected", appJar().toString(), "--agent", metricsUrl(),
                "--json", "--no-default-ignores"));
        assertThat(check.exitCode()).as(check.describe()).isIn(0, 1);
        JsonNode report = new ObjectMapper().readTree(check.stdout());
        Set<String> unexpected = new LinkedHashSet<>();
        report.path("unexpected").forEach(r -> unexpected.add(r.path("method").asText() + " "
                + r.path("route").asText()));
        Set<String> management = app().scrape().routeSeries().stream().filter(Route::onSeparateListener)
                .map(Route::toString).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(management).as("management routes (sanity)").contains("GET /health", "GET /routes");
        assertThat(unexpected).as(check.describe()).doesNotContainAnyElementsOf(management);
        assertThat(check.stderr()).as(check.describe()).contains("left out the routes of separate")
                .contains(management.size() + " routes on port " + managementPort);
    }
}
