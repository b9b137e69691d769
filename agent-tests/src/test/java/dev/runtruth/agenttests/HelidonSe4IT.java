package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import dev.runtruth.model.RouteManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A web framework the agent knows of and does not read: Helidon SE 4 (its own WebServer and HTTP routing), on Temurin
 * 25 (Helidon 4 needs Java 21). The agent must say so ({@code runtruth_framework_info{state="unsupported"}} and one
 * warning line), and {@code check} against the routes the service declares must answer "cannot tell" (exit 4), never
 * NO DRIFT (0), which is what it said before the coverage work, nor DRIFT (1): its routes may well be served.
 */
class HelidonSe4IT {

    @Test
    void anUnsupportedFrameworkIsReportedAndCheckCannotTell() throws IOException {
        Path jdk = Jdks.temurin25().orElseThrow(() -> new AssertionError("Temurin 25 is needed for Helidon 4 "
                + "(PITFALLS: /usr/lib/jvm/temurin-25-jdk-amd64)"));
        int appPort = TestJvm.freePort();
        int agentPort = TestJvm.freePort();
        try (TestJvm jvm = TestJvm.builder("helidon-se4", jdk)
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1")
                .jar(Artifacts.app("helidon-se4"))
                .args(String.valueOf(appPort))
                .start()
                .awaitHttp200("http://127.0.0.1:" + appPort + "/greet", AbstractSpringAppIT.START_TIMEOUT)) {
            String metricsUrl = "http://127.0.0.1:" + agentPort + "/metrics";
            AgentMetrics metrics = AgentMetrics.await(metricsUrl, Duration.ofSeconds(30), jvm);

            assertThat(metrics.frameworks()).as(metrics.text()).containsExactly(Map.of(
                    "framework", "helidon-se", "version", "4.5.0", "state", "unsupported",
                    "reason", "Runtruth does not read helidon-se routes (io.helidon.webserver.http.HttpRouting is "
                            + "loaded): they are not reported"));
            assertThat(metrics.captureErrors()).isZero();
            assertThat(jvm.stderrLines()).as(jvm.describe()).filteredOn(AppUnderAgent::isAgentMessage)
                    .containsExactly("[runtruth] WARN helidon-se 4.5.0 unsupported: Runtruth does not read "
                            + "helidon-se routes (io.helidon.webserver.http.HttpRouting is loaded): they are not "
                            + "reported");

            // the routes the service's code declares (HelidonSeApp), as a recorded manifest: the expected side
            Path manifest = Files.createTempFile("helidon-se4-expected", ".json");
            Files.writeString(manifest, new RouteManifestWriter().build("helidon-se4", null, null, null, null)
                    .source("HelidonSeApp").routes(List.of(Route.parse("GET /greet"), Route.parse("GET /greet/{name}"),
                            Route.parse("PUT /greet/greeting"))).toJson(), StandardCharsets.UTF_8);
            OneShot check = OneShot.run("helidon-se4-check", Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "check", "--expected", manifest.toString(), "--agent", metricsUrl));

            assertThat(check.exitCode()).as(check.describe()).isEqualTo(4);
            assertThat(check.stdout()).as(check.describe()).contains(
                    "MISSING  GET     /greet",
                    "not seen: the agent could not see everything in the running process:",
                    "  helidon-se 4.5.0 unsupported: Runtruth does not read helidon-se routes",
                    // the server no capture reads also leaves its port unaccounted for
                    "  the process listens on 127.0.0.1:" + appPort + " and no route is known to be served there",
                    "CANNOT TELL: the agent could not see everything (2 blind spots above); the 3 missing routes may "
                            + "be served unseen");
            // and the build side says it cannot read them either, instead of "0 routes", exit 0
            OneShot expected = OneShot.run("helidon-se4-expected", Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "expected", Artifacts.app("helidon-se4").toString()));
            assertThat(expected.exitCode()).as(expected.describe()).isEqualTo(4);
            assertThat(expected.stderr()).as(expected.describe()).contains(
                    "runtruth: note: routes built in code (Helidon SE) cannot be read from bytecode",
                    "runtruth: cannot tell: no route could be read from the input");
            assertThat(TestJvm.get("http://127.0.0.1:" + appPort + "/greet/runtruth").body())
                    .as("the service serves on").isEqualTo("Hello runtruth!");
        }
    }
}
