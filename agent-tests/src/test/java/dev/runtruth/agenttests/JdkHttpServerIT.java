package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import dev.runtruth.model.RouteManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An HTTP service on a server no capture of the agent reads (the JDK's own {@code com.sun.net.httpserver}, two paths):
 * the agent cannot list its routes, and must say so rather than look like a service with no routes. Its port is
 * exported {@code runtruth_listener_info{state="unknown"}} (checked by {@link #everyListenerIsReportedAndAttributed})
 * and named once in one warning line; the agent's own port is not a listener of the app.
 */
class JdkHttpServerIT extends AbstractAgentScenarioIT {

    @Override
    String service() {
        return "jdk-httpserver-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("jdk-httpserver");
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        builder.args("--port=" + httpPort);
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl("/health"), Duration.ofSeconds(30)).awaitHttp200(appUrl("/hello"), Duration.ofSeconds(5))
                .awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Override
    Set<Integer> servedPorts() {
        return Set.of();
    }

    @Override
    Set<Integer> unknownPorts() {
        return Set.of(app().httpPort());
    }

    @Override
    boolean toleratedAgentLine(String line) {
        return line.equals(warning());
    }

    private String warning() {
        int port = app().httpPort();
        return "[runtruth] WARN port " + port + " accepts connections; no routes known there (no framework the agent "
                + "reads serves it); if it is not HTTP, add ignore_ports=" + port;
    }

    /** What the user gets from check: never NO DRIFT for a service whose port the agent cannot account for. */
    @Test
    void checkCannotTellWhileAPortHasNoKnownRoutes() throws IOException {
        // the routes JdkHttpServerApp's code registers, as a recorded manifest: the expected side
        Path manifest = Files.createTempFile("jdk-httpserver-expected", ".json");
        Files.writeString(manifest, new RouteManifestWriter().build("jdk-httpserver", null, null, null, null)
                .source("JdkHttpServerApp").routes(List.of(Route.parse("* /hello"), Route.parse("* /health")))
                .toJson(), StandardCharsets.UTF_8);
        OneShot check = OneShot.run("jdk-httpserver-check", Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--expected", manifest.toString(), "--agent", app().metricsUrl()));

        assertThat(check.exitCode()).as(check.describe()).isEqualTo(4);
        assertThat(check.stdout()).as(check.describe()).contains(":" + app().httpPort()
                + " and no route is known to be served there", "ignore_ports=" + app().httpPort(), "CANNOT TELL");
    }

    @Test
    void noRoutesAreInventedForAServerNoCaptureReads() throws IOException {
        assertThat(app().scrape().routes()).isEmpty();
    }

    /** The agent names an unknown listener once it stayed unknown for 5 s, at a scrape: scrape until it does. */
    @Test
    void theUnknownPortIsNamedInOneWarningLine() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> lines = agentLines();
        while (lines.isEmpty() && Instant.now().isBefore(deadline)) {
            app().scrape();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            lines = agentLines();
        }
        app().scrape();
        assertThat(agentLines()).as(app().describe()).containsExactly(warning());
    }

    private List<String> agentLines() {
        return app().jvm().stderrLines().stream().filter(AppUnderAgent::isAgentMessage).toList();
    }
}
