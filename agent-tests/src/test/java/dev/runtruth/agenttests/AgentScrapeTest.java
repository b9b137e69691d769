package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.model.Route;
import org.junit.jupiter.api.Test;

class AgentScrapeTest {

    private static final String SCRAPE = String.join("\n",
            "# HELP runtruth_route_info A route the framework registered.",
            "# TYPE runtruth_route_info gauge",
            "runtruth_route_info{framework=\"spring-webmvc\",handler=\"a.B#c\",method=\"GET\",route=\"/owners/{ownerId}\"} 1",
            "runtruth_route_info{framework=\"spring-webmvc\",handler=\"a.B#d\",method=\"*\",route=\"/error\"} 1.0",
            "# TYPE runtruth_build_info gauge",
            "runtruth_build_info{branch=\"main\",build_time=\"2026-11-21T00:00:00Z\",commit=\"abc\",service=\"s\","
                    + "version=\"1.0\"} 1",
            "runtruth_classpath_entry_info{kind=\"jar\",location=\"jar:nested:/app.jar/!BOOT-INF/lib/x-1.jar!/\","
                    + "name=\"x\",sha256=\"00ff\",version=\"1\"} 1",
            "runtruth_classpath_entry_info{kind=\"jar\",location=\"C:\\\\dir\\\\\\\"q\\\".jar\",name=\"y\",sha256=\"\","
                    + "version=\"\"} 1",
            "# TYPE runtruth_capture_errors counter",
            "runtruth_capture_errors_total 0.0",
            "runtruth_routes 2 1700000000000",
            "");

    @Test
    void readsRoutesWithTheSharedModel() {
        AgentScrape metrics = AgentScrape.parse(SCRAPE);

        assertThat(metrics.routes()).containsExactlyInAnyOrder(
                Route.parse("GET /owners/{id}"), Route.parse("* /error"));
        assertThat(metrics.routes()).extracting(Route::handler).containsExactlyInAnyOrder("a.B#c", "a.B#d");
    }

    @Test
    void readsInfoLabelsAndCounters() {
        AgentScrape metrics = AgentScrape.parse(SCRAPE);

        assertThat(metrics.buildInfo()).singleElement().satisfies(labels -> assertThat(labels)
                .containsEntry("commit", "abc").containsEntry("build_time", "2026-11-21T00:00:00Z"));
        assertThat(metrics.classpathEntries()).hasSize(2);
        assertThat(metrics.classpathEntries().get(1)).containsEntry("location", "C:\\dir\\\"q\".jar");
        assertThat(metrics.captureErrorSeries()).hasSize(1);
        assertThat(metrics.captureErrors()).isZero();
        assertThat(metrics.series("runtruth_routes")).singleElement()
                .satisfies(sample -> assertThat(sample.value()).isEqualTo(2.0));
    }

    @Test
    void aClasspathEntryIsMatchedToItsNestedJar() {
        AgentScrape metrics = AgentScrape.parse(SCRAPE);

        assertThat(AbstractSpringAppIT.describes(metrics.classpathEntries().get(0), "x-1.jar")).isTrue();
        assertThat(AbstractSpringAppIT.describes(metrics.classpathEntries().get(0), "x-2.jar")).isFalse();
    }

    @Test
    void malformedLineIsAnError() {
        assertThatThrownBy(() -> AgentScrape.parse("runtruth_route_info{method=\"GET} 1"))
                .hasMessageContaining("runtruth_route_info");
    }
}
