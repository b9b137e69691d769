package dev.runtruth.collector.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scrapes a real HTTP server that serves client_java exposition text. */
class AgentScraperTest {

    private static final List<Route> ROUTES = List.of(
            Route.of("GET", "/owners/{ownerId}", "spring-webmvc", "a.OwnerController#show"),
            Route.of("POST", "/owners", "spring-webmvc", "a.OwnerController#create"));
    private static final String COMMIT = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private final AgentScraper scraper = new AgentScraper(Duration.ofSeconds(5));

    @ParameterizedTest
    @CsvSource({
        "http://localhost:9464, http://localhost:9464/metrics",
        "http://localhost:9464/, http://localhost:9464/metrics",
        "http://localhost:9464/metrics, http://localhost:9464/metrics",
        "https://10.0.0.1:8443/actuator/prometheus, https://10.0.0.1:8443/actuator/prometheus",
        "' http://host:1 ', http://host:1/metrics",
    })
    void metricsUriAddsTheDefaultPathOnly(String given, String expected) throws InputException {
        assertThat(AgentScraper.metricsUri(given)).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:7461|localhost:7461: add http://, e.g. http://localhost:7461",
        "localhost|localhost: not an http(s) URL with a host, e.g. http://localhost:7461",
        "ftp://host/metrics|ftp://host/metrics: not an http(s) URL with a host, e.g. http://localhost:7461",
        "http://bad host|http://bad host: not a URL: Illegal character in authority",
    })
    void badUrlsAreInputErrors(String given, String message) {
        assertThatThrownBy(() -> AgentScraper.metricsUri(given)).isInstanceOf(InputException.class)
                .hasMessage(message);
    }

    @Test
    void readsRoutesBuildAndAgentFromTextFormat() throws Exception {
        PrometheusRegistry registry = AgentExposition.registry(ROUTES, "backoffice", COMMIT);
        try (AgentStub agent = AgentStub.serving(AgentStub.TEXT, AgentExposition.text(registry))) {
            ObservedRoutes observed = scraper.scrape(AgentScraper.metricsUri(agent.baseUri().toString()));

            assertThat(observed.routes()).containsExactlyElementsOf(ROUTES.stream()
                    .sorted(dev.runtruth.collector.RouteLists.ORDER).toList());
            assertThat(observed.routes()).extracting(Route::handler)
                    .containsExactly("a.OwnerController#create", "a.OwnerController#show");
            assertThat(observed.build().commit()).isEqualTo(COMMIT);
            assertThat(observed.build().service()).isEqualTo("backoffice");
            assertThat(observed.agentVersion()).isEqualTo("0.1.0-test");
            assertThat(observed.source()).isEqualTo(agent.baseUri() + "/metrics");
            assertThat(agent.lastAccept()).isEqualTo("text/plain;version=0.0.4");
        }
    }

    /** Dropwizard: {@code * /**} on the application port (a servlet) and the admin servlet's {@code * /**} on 8081. */
    @Test
    void routesOfASeparateListenerKeepTheirPortAndTheApplicationsOwnWinsADuplicate() throws Exception {
        List<Route> routes = List.of(
                Route.of("*", "/**", "servlet", "a.AdminServlet").withPort("8081"),
                Route.of("POST", "/tasks/gc", "servlet", "a.GcTask").withPort("8081"),
                Route.of("*", "/**", "servlet", "a.AppServlet"),
                Route.of("GET", "/things", "jaxrs", "a.Things#list"));
        try (AgentStub agent = AgentStub.serving(AgentStub.TEXT,
                AgentExposition.text(AgentExposition.registry(routes, "dw", COMMIT)))) {
            ObservedRoutes observed = scraper.scrape(AgentScraper.metricsUri(agent.baseUri().toString()));

            assertThat(observed.applicationRoutes()).extracting(r -> r + " " + r.handler())
                    .containsExactlyInAnyOrder("* /** a.AppServlet", "GET /things a.Things#list");
            assertThat(observed.separateListenerRoutes()).extracting(r -> r + " :" + r.port())
                    .containsExactly("POST /tasks/gc :8081");
            assertThat(observed.onApplicationListener().routes()).hasSize(2);
        }
    }

    @Test
    void readsOpenMetricsWhenTheServerAnswersIt() throws Exception {
        PrometheusRegistry registry = AgentExposition.registry(ROUTES, "backoffice", COMMIT);
        try (AgentStub agent = AgentStub.serving(AgentStub.OPENMETRICS, AgentExposition.openMetrics(registry))) {
            ObservedRoutes observed = scraper.scrape(AgentScraper.metricsUri(agent.baseUri().toString()));

            assertThat(observed.routes()).hasSize(2);
            assertThat(observed.build().commit()).isEqualTo(COMMIT);
        }
    }

    @Test
    void withoutBuildInfoTheRunningCommitIsUnknown() throws Exception {
        PrometheusRegistry registry = AgentExposition.registry(ROUTES, "backoffice", null);
        try (AgentStub agent = AgentStub.serving(AgentStub.TEXT, AgentExposition.text(registry))) {
            ObservedRoutes observed = scraper.scrape(AgentScraper.metricsUri(agent.baseUri().toString()));

            assertThat(observed.build().commit()).isNull();
            assertThat(observed.routes()).hasSize(2);
        }
    }

    @Test
    void httpErrorStatusIsAnInputError() throws Exception {
        try (AgentStub agent = AgentStub.answering(503, "text/plain", "down")) {
            URI url = AgentScraper.metricsUri(agent.baseUri().toString());

            assertThatThrownBy(() -> scraper.scrape(url)).isInstanceOf(InputException.class)
                    .hasMessage(url + ": HTTP status 503 (expected 200)");
        }
    }

    @Test
    void htmlIsNotPrometheusText() throws Exception {
        try (AgentStub agent = AgentStub.serving("text/html", "<!DOCTYPE html>\n<html><body>Login</body></html>\n")) {
            URI url = AgentScraper.metricsUri(agent.baseUri().toString());

            assertThatThrownBy(() -> scraper.scrape(url)).isInstanceOf(InputException.class)
                    .hasMessage(url + ": not Prometheus text exposition format (content type text/html): line 1:"
                            + " expected a metric name at '<'");
        }
    }

    @Test
    void prometheusTextWithoutRuntruthMetricsIsAnInputError() throws Exception {
        try (AgentStub agent = AgentStub.serving(AgentStub.TEXT, "# TYPE up gauge\nup 1\n")) {
            URI url = AgentScraper.metricsUri(agent.baseUri().toString());

            assertThatThrownBy(() -> scraper.scrape(url)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(url + ": Prometheus text without runtruth metrics");
        }
    }

    @Test
    void closedPortIsAnInputError() throws Exception {
        URI url = AgentStub.closedPort();

        assertThatThrownBy(() -> scraper.scrape(url)).isInstanceOf(InputException.class)
                .hasMessage(url + ": cannot connect: connection refused (is the agent listening there?)");
    }

    @Test
    void routeSampleWithoutRouteLabelIsSkippedWithAWarning() throws Exception {
        String text = MetricNames.AGENT_INFO + "{" + MetricNames.VERSION + "=\"1\"} 1\n"
                + MetricNames.ROUTE_INFO + "{" + MetricNames.METHOD + "=\"GET\"} 1\n"
                + MetricNames.ROUTE_INFO + "{" + MetricNames.METHOD + "=\"GET\"," + MetricNames.ROUTE + "=\"/ok\"} 1\n";

        ObservedRoutes observed = AgentScraper.parse(text, null, "dump.txt");

        assertThat(observed.routes()).extracting(Route::toString).containsExactly("GET /ok");
        assertThat(observed.warnings()).containsExactly(
                "dump.txt: " + MetricNames.ROUTE_INFO + " sample without a route label {method=GET}; skipped");
    }
}
