package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.RouteManifestWriter;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent-collector contract on the real thing: the built, shaded agent jar in the sample back-office service's
 * own JVM (Spring Boot 3.5), scraped as Prometheus scrapes it, and the same endpoint fed to the built collector jar.
 * <ul>
 *   <li>the agent exports every sample of {@link MetricNames#SAMPLES} with exactly the labels listed there (the
 *       names the collector, the shipped alert rules and the dashboard read; the rules and dashboard are held
 *       against {@code MetricNames} by the collector's {@code ShippedQueriesContractTest});</li>
 *   <li>the collector's parser turns that scrape into the observed model the truth says it should: every route of
 *       Spring Boot's own {@code /actuator/mappings}, the build Spring Boot reports at {@code /actuator/info}
 *       ({@code git.commit.id}, {@code build.version}), the agent version in the agent jar's manifest, and full
 *       coverage (no "not seen" line: every framework captured, no capture error, every port served). The collector
 *       is run as a user runs it ({@code runtruth check --json} against a manifest that expects nothing and with no
 *       ignore rule, so every observed route is listed as unexpected).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppUnderAgent app;

    @BeforeAll
    void startSample() {
        app = AppUnderAgent.start("contract-backoffice", "backoffice", Jdks.current(), Artifacts.app("backoffice"),
                (builder, httpPort) -> builder.args("--server.port=" + httpPort));
        app.awaitHttp200(app.url("/actuator/health"), AbstractSpringAppIT.START_TIMEOUT)
                .awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @AfterAll
    void stopSample() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void agentExportsEverySampleOfTheContractWithItsLabels() throws IOException {
        AgentScrape scrape = AgentScrape.scrape(app.metricsUrl());
        List<String> problems = new ArrayList<>();
        MetricNames.SAMPLES.forEach((name, labels) -> {
            List<AgentScrape.Sample> series = scrape.series(name);
            if (series.isEmpty()) {
                problems.add(name + ": no series");
            }
            for (AgentScrape.Sample sample : series) {
                if (!new TreeSet<>(sample.labels().keySet()).equals(new TreeSet<>(labels))) {
                    problems.add(name + " has labels " + new TreeSet<>(sample.labels().keySet()) + ", the contract "
                            + new TreeSet<>(labels));
                    break;
                }
            }
        });
        Set<String> unlisted = new TreeSet<>();
        for (AgentScrape.Sample sample : scrape.samples()) {
            if (sample.name().startsWith("runtruth_") && !MetricNames.SAMPLES.containsKey(sample.name())) {
                unlisted.add(sample.name());
            }
        }
        assertThat(problems).as("the real agent against MetricNames.SAMPLES\n%s", scrape.text()).isEmpty();
        assertThat(unlisted).as("runtruth samples the agent exports outside the contract\n%s", scrape.text())
                .isEmpty();
    }

    @Test
    void collectorReadsTheRealAgentsRoutesBuildAndCoverage(@TempDir Path dir) throws Exception {
        Path nothingExpected = dir.resolve("nothing-expected.json");
        Files.writeString(nothingExpected, "{\"format\":\"" + RouteManifestWriter.FORMAT + "\",\"routes\":[]}");
        OneShot check = OneShot.run("contract-check", Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--expected", nothingExpected.toString(), "--agent",
                app.agentUrl(), "--no-default-ignores", "--json"));
        assertThat(check.exitCode()).as("exit 1: every served route is unexpected\n%s", check.describe())
                .isEqualTo(1);
        JsonNode report = JSON.readTree(check.stdout());

        Set<Route> truth = ActuatorMappings.read(app.url("/actuator/mappings"), "");
        Set<Route> observed = new LinkedHashSet<>(CollectorAgreementIT.routesIn(report.path("unexpected")));
        assertThat(truth).as("actuator's own listing (sanity)").hasSizeGreaterThan(15);
        app.assertRoutesEqual("/actuator/mappings", truth, "collector's observed routes", observed);
        assertThat(report.path("unexpected")).allSatisfy(route -> {
            assertThat(route.path("framework").asText()).as("framework of %s", route).isEqualTo("spring-webmvc");
            assertThat(route.path("handler").asText()).as("handler of %s", route).isNotEmpty();
        });

        JsonNode info = JSON.readTree(get(app.url("/actuator/info")));
        JsonNode side = report.path("observed");
        assertThat(side.path("service").asText()).isEqualTo("backoffice");
        assertThat(side.path("commit").asText()).as("Spring Boot's git.commit.id\n%s", info)
                .isEqualTo(fullCommit(info.path("git").path("commit").path("id")));
        assertThat(side.path("version").asText()).as("Spring Boot's build.version\n%s", info)
                .isEqualTo(info.path("build").path("version").asText());
        assertThat(side.path("agentVersion").asText()).as("the agent jar's Implementation-Version")
                .isEqualTo(agentVersion());
        assertThat(report.path("notSeen")).as("coverage: nothing the agent could not see\n%s", check.describe())
                .isEmpty();
        assertThat(report.path("verdict").asText()).isEqualTo("drift");
    }

    /** @return the full commit id of Spring Boot's {@code git.commit.id}: a string (simple mode) or {id: {full}} */
    private static String fullCommit(JsonNode id) {
        return id.isTextual() ? id.asText() : id.path("full").asText();
    }

    private static String agentVersion() throws IOException {
        try (InputStream in = Files.newInputStream(Artifacts.agentJar()); JarInputStream jar = new JarInputStream(in)) {
            return jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return response.body();
    }
}
