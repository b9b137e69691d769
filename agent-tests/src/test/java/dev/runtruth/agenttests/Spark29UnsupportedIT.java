package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import dev.runtruth.model.RouteManifestWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Never silently blind", end to end, for the {@code unsupported} state: a real Spark Java 2.9.4 service (a web
 * framework Runtruth recognises by its landmark {@code spark.Service} and does not read; embedded Jetty 9.4 behind
 * Spark's own handler, no servlet context) with the shaded agent. The agent must say so in {@code
 * runtruth_framework_info} ({@code state="unsupported"}, Spark's version from its jar) and leave its port {@code
 * unknown}; {@code runtruth check} must answer CANNOT TELL (exit 4, {@code verdict: cannot_tell}) naming Spark and the
 * port, never NO DRIFT and never DRIFT for the routes the service really serves (each is requested first).
 */
class Spark29UnsupportedIT extends AbstractAgentScenarioIT {

    /** What the app declares through Spark's API ({@code SparkApp}), each requested before it is expected. */
    private static final List<Route> DECLARED = List.of(Route.parse("GET /hello"), Route.parse("GET /items/{id}"),
            Route.parse("POST /items"));

    @Override
    String service() {
        return "spark29-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("spark29");
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        builder.args(String.valueOf(httpPort));
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl("/hello"), Duration.ofSeconds(60)).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Override
    Set<Integer> servedPorts() {
        return Set.of();
    }

    @Override
    Set<Integer> unknownPorts() {
        return Set.of(app().httpPort());
    }

    /** The one agent line this app causes: the documented warning that Spark is not read. */
    @Override
    boolean toleratedAgentLine(String line) {
        return line.startsWith("[runtruth] WARN spark 2.9.4 unsupported: ");
    }

    /** Replaces the healthy-app rule: here the one framework present is, by design, {@code unsupported}. */
    @Override
    @Test
    void everyFrameworkPresentIsCaptured() throws IOException {
        AgentScrape metrics = app().scrape();
        assertThat(metrics.frameworks()).as(metrics.text()).singleElement().satisfies(spark -> {
            assertThat(spark.get(MetricNames.FRAMEWORK)).isEqualTo("spark");
            assertThat(spark.get(MetricNames.STATE)).isEqualTo("unsupported");
            assertThat(spark.get(MetricNames.VERSION)).isEqualTo("2.9.4");
            assertThat(spark.get(MetricNames.REASON)).contains("spark.Service");
        });
        assertThat(metrics.routes()).as("no route of Spark's is reported: " + metrics.text()).isEmpty();
    }

    @Test
    void checkCannotTellAndNamesWhatItCouldNotSee() throws IOException {
        for (Route route : DECLARED) {
            String path = route.template().replace("{id}", "7");
            int status = send(route.method(), appUrl(path));
            assertThat(status).as("Spark serves %s", route).isBetween(200, 299);
        }
        Path manifest = Files.createTempFile("spark29-declared", ".json");
        Files.writeString(manifest, new RouteManifestWriter().build("spark29", null, null, null, null)
                .source("SparkApp").routes(DECLARED).toJson());
        List<String> reads = new ArrayList<>(List.of(manifest.toString(), appJar().toString()));
        for (String expected : reads) {
            OneShot check = OneShot.run("collector-check-" + service(), Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "check", "--expected", expected, "--agent", metricsUrl()));
            assertThat(check.exitCode()).as(check.describe()).isEqualTo(4);
            assertThat(check.stdout()).as(check.describe()).contains("CANNOT TELL")
                    .contains("spark 2.9.4 unsupported")
                    .contains("listens on [::]:" + app().httpPort() + " and no route is known")
                    .doesNotContain("NO DRIFT").doesNotContain("DRIFT:");

            OneShot json = OneShot.run("collector-check-json-" + service(), Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "check", "--json", "--expected", expected, "--agent", metricsUrl()));
            assertThat(json.exitCode()).as(json.describe()).isEqualTo(4);
            JsonNode report = new ObjectMapper().readTree(json.stdout());
            assertThat(report.path("verdict").asText()).as(json.describe()).isEqualTo("cannot_tell");
            assertThat(report.path("drift").asBoolean()).as(json.describe()).isFalse();
            List<String> notSeen = new ArrayList<>();
            report.path("notSeen").forEach(n -> notSeen.add(n.asText()));
            assertThat(notSeen).as(json.describe()).anySatisfy(n -> assertThat(n).startsWith("spark 2.9.4 unsupported"));
        }
        Map<Integer, String> listeners = app().scrape().listenerStates();
        assertThat(listeners).as("the port Spark serves").containsEntry(app().httpPort(), "unknown");
    }

    private static int send(String method, String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + method + " " + url, e);
        }
    }
}
