package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.RouteManifest;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.model.ListenerState;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runtruth serve} end to end in-process: a config file, a route manifest, an agent stub serving a real
 * client_java exposition, and the collector's own {@code /metrics} read over HTTP.
 */
class ServeServerTest {

    private static final Pattern DOWN_FAILED =
            Pattern.compile("runtruth_collector_errors_total\\{service=\"down\",stage=\"observed\"} [1-9]");

    private static final String COMMIT = "1111111111111111111111111111111111111111";
    private static final String RUNNING = "2222222222222222222222222222222222222222";

    @TempDir
    Path dir;

    @Test
    void exportsExpectedRoutesDriftAndHealthAndReloadsTheManifest() throws Exception {
        Path manifest = dir.resolve("expected.json");
        writeManifest(manifest, List.of(Route.parse("GET /a"), Route.parse("POST /b/{id}")));
        String exposition = AgentExposition.text(AgentExposition.registry(List.of(
                Route.of("GET", "/a", "spring-webmvc", "A#a"), Route.of("GET", "/actuator/health", "spring-webmvc", "H#h"),
                Route.of("GET", "/extra", "spring-webmvc", "E#e")), "svc", RUNNING));
        StringWriter log = new StringWriter();
        try (AgentStub agent = AgentStub.serving(AgentStub.TEXT, exposition)) {
            Path config = dir.resolve("serve.yml");
            Files.writeString(config, "listen: 127.0.0.1:0\ninterval: 100ms\nservices:\n"
                    + "  svc:\n    expected: {path: expected.json}\n    observed: {agents: ['" + agent.baseUri() + "']}\n"
                    + "  down:\n    expected: {path: expected.json}\n    observed: {agents: ['" + AgentStub.closedPort()
                    + "']}\n");
            try (ServeServer server = ServeServer.start(ServeConfigReader.read(config), new PrintWriter(log))) {
                // both services' first rounds: svc compared, down failed to read its agent
                String metrics = await(server, m -> m.contains("runtruth_drift_routes{kind=\"missing\",service=\"svc\"} 1")
                        && DOWN_FAILED.matcher(m).find());
                assertThat(metrics)
                        .contains("runtruth_expected_route_info{method=\"GET\",route=\"/a\",service=\"svc\"} 1")
                        .contains("runtruth_expected_route_info{method=\"POST\",route=\"/b/{id}\",service=\"svc\"} 1")
                        .contains("runtruth_expected_routes{service=\"svc\"} 2")
                        .contains("runtruth_expected_commit_info{commit=\"" + COMMIT + "\",service=\"svc\"} 1")
                        .contains("runtruth_unexpected_route_info{method=\"GET\",route=\"/extra\",service=\"svc\"} 1")
                        .doesNotContain("route=\"/actuator/health\"")
                        .contains("runtruth_drift_routes{kind=\"unexpected\",service=\"svc\"} 1")
                        .contains("runtruth_drift_commit_instances{service=\"svc\"} 1")
                        .contains("runtruth_observed_instances{service=\"svc\"} 1")
                        .containsPattern("runtruth_collector_last_success_timestamp_seconds\\{service=\"svc\"} 1\\.\\d+E9")
                        .containsPattern(DOWN_FAILED);

                writeManifest(manifest, List.of(Route.parse("GET /a"), Route.parse("POST /b/{id}"),
                        Route.parse("GET /c")));
                // both services read expected.json: wait for svc's own reload, not the first of the two
                metrics = await(server, m -> m.contains("runtruth_expected_routes{service=\"svc\"} 3"));
                assertThat(metrics).contains(
                        "runtruth_expected_route_info{method=\"GET\",route=\"/c\",service=\"svc\"} 1");
            }
        }
        assertThat(log.toString()).contains("runtruth serve: down: error: http://127.0.0.1:")
                .contains("runtruth serve: svc: loaded 3 expected routes");
    }

    @Test
    void theEndpointNegotiatesTheFormatAndAnswersLiveness() throws Exception {
        Path manifest = dir.resolve("expected.json");
        writeManifest(manifest, List.of(Route.parse("GET /a")));
        Path config = dir.resolve("serve.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\ninterval: 1h\nservices:\n  svc:\n    expected: {path: expected.json}\n"
                + "    observed: {agents: ['" + AgentStub.closedPort() + "']}\n");
        try (ServeServer server = ServeServer.start(ServeConfigReader.read(config), new PrintWriter(new StringWriter()))) {
            await(server, m -> m.contains("runtruth_expected_routes{service=\"svc\"} 1"));
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpResponse<String> openMetrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(openMetrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/openmetrics-text"));
            assertThat(openMetrics.body()).contains("runtruth_expected_routes{service=\"svc\"} 1").endsWith("# EOF\n");
            HttpResponse<String> text = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/-/healthy")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBlindInstanceIsCannotTellAndItsMissingRouteIsUnseenNotMissing() throws Exception {
        Path manifest = dir.resolve("expected.json");
        writeManifest(manifest, List.of(Route.parse("GET /a"), Route.parse("POST /b/{id}")));
        List<Route> both = List.of(Route.of("GET", "/a", "spring-webmvc", "A#a"),
                Route.of("POST", "/b/{id}", "spring-webmvc", "B#b"));
        String healthy = AgentExposition.text(AgentExposition.registry(both, "svc", COMMIT));
        PrometheusRegistry blindRegistry = AgentExposition.registry(both.subList(0, 1), "svc", COMMIT);
        Info.builder().name(MetricNames.FRAMEWORK_INFO).help("A web framework")
                .labelNames(MetricNames.FRAMEWORK, MetricNames.VERSION, MetricNames.STATE, MetricNames.REASON)
                .register(blindRegistry).addLabelValues("helidon-se", "4.1.0", "unsupported", "not read");
        Info.builder().name(MetricNames.LISTENER_INFO).help("A listener")
                .labelNames(MetricNames.ADDRESS, MetricNames.PORT, MetricNames.STATE)
                .register(blindRegistry).addLabelValues("0.0.0.0", "9090", ListenerState.UNKNOWN.label());
        try (AgentStub good = AgentStub.serving(AgentStub.TEXT, healthy);
             AgentStub blind = AgentStub.serving(AgentStub.TEXT, AgentExposition.text(blindRegistry))) {
            Path config = dir.resolve("serve.yml");
            Files.writeString(config, "listen: 127.0.0.1:0\ninterval: 100ms\nservices:\n  svc:\n"
                    + "    expected: {path: expected.json}\n"
                    + "    observed: {agents: ['" + good.baseUri() + "', '" + blind.baseUri() + "']}\n");
            try (ServeServer server = ServeServer.start(ServeConfigReader.read(config),
                    new PrintWriter(new StringWriter()))) {
                String metrics = await(server, m -> m.contains("runtruth_observed_instances{service=\"svc\"} 2"));
                String good0 = good.baseUri().toString();
                String blind0 = blind.baseUri().toString();
                assertThat(metrics)
                        .containsPattern("runtruth_verdict_info\\{service=\"svc\",source=\"" + Pattern.quote(good0)
                                + "[^\"]*\",verdict=\"no_drift\"} 1")
                        .containsPattern("runtruth_verdict_info\\{service=\"svc\",source=\"" + Pattern.quote(blind0)
                                + "[^\"]*\",verdict=\"cannot_tell\"} 1")
                        .contains("runtruth_verdict_instances{service=\"svc\",verdict=\"no_drift\"} 1")
                        .contains("runtruth_verdict_instances{service=\"svc\",verdict=\"cannot_tell\"} 1")
                        .contains("runtruth_verdict_instances{service=\"svc\",verdict=\"drift\"} 0")
                        // POST /b/{id} is not in the blind instance's list: unseen, never missing
                        .contains("runtruth_drift_routes{kind=\"missing\",service=\"svc\"} 0")
                        .contains("runtruth_unseen_routes{service=\"svc\"} 1")
                        .containsPattern("runtruth_blind_spots\\{kind=\"framework\",service=\"svc\",source=\""
                                + Pattern.quote(blind0) + "[^\"]*\"} 1")
                        .containsPattern("runtruth_blind_spots\\{kind=\"listener\",service=\"svc\",source=\""
                                + Pattern.quote(blind0) + "[^\"]*\"} 1")
                        .doesNotContain("kind=\"capture_errors\"")
                        .doesNotContainPattern("runtruth_blind_spots\\{[^}]*source=\"" + Pattern.quote(good0));
            }
        }
    }

    /**
     * As {@code check}: a route of a separate admin or management listener (a {@code port} label) is not compared with
     * the build (the admin servlet's {@code * /**} is not unexpected), and an instance whose agent says it is still
     * starting is {@code not_ready}: none of its routes counts as missing, unseen or unexpected.
     */
    @Test
    void aSeparateListenersRoutesAreLeftOutAndAStartingInstanceIsNotReady() throws Exception {
        Path manifest = dir.resolve("expected.json");
        writeManifest(manifest, List.of(Route.parse("GET /a"), Route.parse("POST /b/{id}")));
        List<Route> served = List.of(Route.of("GET", "/a", "jaxrs", "A#a"), Route.of("POST", "/b/{id}", "jaxrs", "B#b"),
                Route.of("*", "/**", "servlet", "AdminServlet").withPort("8081"),
                Route.of("POST", "/tasks/gc", "servlet", "GarbageCollectionTask").withPort("8081"));
        String withAdmin = AgentExposition.text(AgentExposition.registry(served, "svc", COMMIT));
        // still starting: only a servlet so far, the framework's routes come a moment later
        PrometheusRegistry startingRegistry = AgentExposition.registry(
                List.of(Route.of("*", "/extra/**", "servlet", "S")), "svc", COMMIT);
        Info.builder().name(MetricNames.INVENTORY_INFO).help("Inventory")
                .labelNames(MetricNames.STATE, MetricNames.REASON).register(startingRegistry)
                .addLabelValues("starting", "a Spring application context is refreshing");
        try (AgentStub admin = AgentStub.serving(AgentStub.TEXT, withAdmin);
             AgentStub starting = AgentStub.serving(AgentStub.TEXT, AgentExposition.text(startingRegistry))) {
            Path config = dir.resolve("serve.yml");
            Files.writeString(config, "listen: 127.0.0.1:0\ninterval: 100ms\nservices:\n  svc:\n"
                    + "    expected: {path: expected.json}\n"
                    + "    observed: {agents: ['" + admin.baseUri() + "', '" + starting.baseUri() + "']}\n");
            try (ServeServer server = ServeServer.start(ServeConfigReader.read(config),
                    new PrintWriter(new StringWriter()))) {
                String metrics = await(server, m -> m.contains("runtruth_observed_instances{service=\"svc\"} 2"));
                assertThat(metrics)
                        .containsPattern("runtruth_verdict_info\\{service=\"svc\",source=\""
                                + Pattern.quote(admin.baseUri().toString()) + "[^\"]*\",verdict=\"no_drift\"} 1")
                        .containsPattern("runtruth_verdict_info\\{service=\"svc\",source=\""
                                + Pattern.quote(starting.baseUri().toString()) + "[^\"]*\",verdict=\"not_ready\"} 1")
                        .contains("runtruth_verdict_instances{service=\"svc\",verdict=\"not_ready\"} 1")
                        .contains("runtruth_verdict_instances{service=\"svc\",verdict=\"no_drift\"} 1")
                        .contains("runtruth_verdict_instances{service=\"svc\",verdict=\"cannot_tell\"} 0")
                        .contains("runtruth_drift_routes{kind=\"missing\",service=\"svc\"} 0")
                        .contains("runtruth_drift_routes{kind=\"unexpected\",service=\"svc\"} 0")
                        .contains("runtruth_unseen_routes{service=\"svc\"} 0")
                        .doesNotContain("runtruth_unexpected_route_info{");
            }
        }
    }

    private static void writeManifest(Path file, List<Route> routes) throws Exception {
        ExpectedRoutes expected = new ExpectedRoutes("test", new BuildIdentity("svc", "1", COMMIT, "main", null),
                routes, List.of());
        Path tmp = Files.createTempFile(file.getParent(), "m", ".json");
        Files.writeString(tmp, RouteManifest.toJson(expected));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String await(ServeServer server, Predicate<String> condition) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met; last /metrics:\n" + body);
    }
}
