package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus that asks for the protobuf exposition format first ({@code --enable-feature=native-histograms}
 * makes Prometheus 2.x send {@code Accept: application/vnd.google.protobuf;...;q=0.7,text/plain;...}) scrapes the agent,
 * which ships client_java's text formats only: the scrape must succeed in a text format, never fail with a 500.
 */
class ProtobufScrapeIT {

    @TempDir
    Path work;

    @Test
    void aScraperThatPrefersProtobufGetsText() throws IOException, InterruptedException {
        boolean installed = PrometheusServer.executable("prometheus").isPresent();
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "prometheus is not on the PATH (apt-get install -y --no-install-recommends prometheus); skipped"
                        + " outside CI only");
        assertThat(installed).as("prometheus on the PATH (CI is set, so this test must run)").isTrue();

        try (AppUnderAgent app = AppUnderAgent.start("protobuf-scrape", "protobuf-scrape", Jdks.current(),
                Artifacts.app("jdk-httpserver"), (builder, port) -> builder.args("--port=" + port))) {
            app.awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
            Files.writeString(work.resolve("prometheus.yml"), ""
                    + "global: {scrape_interval: 1s, scrape_timeout: 1s}\n"
                    + "scrape_configs:\n"
                    + "  - job_name: protobuf-scrape\n"
                    + "    static_configs: [{targets: ['127.0.0.1:" + app.agentPort() + "']}]\n");
            try (PrometheusServer prometheus = PrometheusServer.start(work, TestJvm.freePort(),
                    "--enable-feature=native-histograms")) {
                JsonNode target = awaitScraped(prometheus, Duration.ofSeconds(30));
                assertThat(target.path("health").asText()).as("%s\n%s", target, prometheus.logText())
                        .isEqualTo("up");
                assertThat(target.path("lastError").asText()).isEmpty();
                assertThat(prometheus.query("runtruth_agent_info{job=\"protobuf-scrape\"}")).hasSize(1);
            }
        }
    }

    /** Waits until Prometheus has scraped the target at least once, and returns that target. */
    private static JsonNode awaitScraped(PrometheusServer prometheus, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode target : prometheus.targets()) {
                last = target;
                if (!"unknown".equals(target.path("health").asText())) {
                    return target;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not scraped within " + timeout + ": " + last);
    }
}
