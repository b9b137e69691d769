package dev.runtruth.collector.probe;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code probe} and {@code ladder} through the command line against a recording HTTP server (what was requested is
 * the truth) and an agent stub: a 500 is present-failing (exit 0, route rung WARN), the default ignore rules keep
 * Spring Boot's own routes from being requested, {@code --ignore} keeps one more.
 */
class ProbeLadderCliTest {

    private static final String CRASH = "/owners/count";

    @TempDir
    Path temp;

    @Test
    void a500IsPresentAndFailingAndSpringBootsOwnRoutesAreNotRequested() throws Exception {
        Path jar = Fixtures.fatJar(temp.resolve("app.jar"), Map.of());
        List<Route> served = new ArrayList<>(Fixtures.springTruthRoutes());
        served.add(Route.of("*", "/error", "spring-webmvc", "o.s.b.a.w.s.e.BasicErrorController#error"));
        served.add(Route.of("GET", "/actuator/threaddump", "spring-webmvc", "o.s.b.Handler#handle"));
        served.add(Route.of("GET", "/actuator/health", "spring-webmvc", "o.s.b.Handler#handle"));
        try (RecordingServer service = new RecordingServer(e -> RecordingServer.status(e,
                e.getRequestURI().getPath().equals(CRASH) ? 500 : 200));
             AgentStub agent = AgentStub.serving(AgentStub.TEXT,
                     AgentExposition.text(AgentExposition.registry(served, "fixtures-app", Fixtures.COMMIT)))) {
            String base = service.base().toString();
            Result probe = run("probe", "--json", "--agent", agent.baseUri().toString(), "--base-url", base);
            JsonNode json = new ObjectMapper().readTree(probe.out());

            assertThat(probe.exitCode()).as(probe.out() + probe.err()).isZero();
            assertThat(json.path("format").asText()).isEqualTo("runtruth-probe/2");
            assertThat(json.path("counts").path("present-failing").asInt()).isEqualTo(1);
            assertThat(json.path("ignored").asInt()).as("/error, /actuator/threaddump, /actuator/health")
                    .isGreaterThanOrEqualTo(3);
            assertThat(service.requests).extracting(RecordingServer.Request::path)
                    .contains(CRASH).noneMatch(p -> p.startsWith("/error") || p.startsWith("/actuator"));

            Result ladder = run("ladder", "--expected", jar.toString(), "--agent", agent.baseUri().toString(),
                    "--base-url", base);
            assertThat(ladder.exitCode()).as(ladder.out()).isZero();
            assertThat(ladder.out()).containsPattern("route +WARN +GET/HEAD/OPTIONS to .*1 present-failing")
                    .containsPattern("present-failing +GET " + CRASH + " -> 500")
                    .contains("LADDER HOLDS");

            int defaults = new ObjectMapper().readTree(run("probe", "--json", "--expected", jar.toString(),
                    "--base-url", base).out()).path("ignored").asInt();
            int before = service.requests.size();
            Result ignored = run("probe", "--json", "--expected", jar.toString(), "--base-url", base, "--ignore",
                    "GET " + CRASH);
            assertThat(ignored.exitCode()).as(ignored.out()).isZero();
            assertThat(new ObjectMapper().readTree(ignored.out()).path("ignored").asInt()).isEqualTo(defaults + 1);
            assertThat(service.requests.subList(before, service.requests.size()))
                    .extracting(RecordingServer.Request::path).isNotEmpty().doesNotContain(CRASH);
        }
    }

    @Test
    void ladderPidGoesWithAgentJarAndInsteadOfAgent() {
        Result both = run("ladder", "--pid", "1", "--agent-jar", "runtruth-agent.jar", "--agent",
                "http://127.0.0.1:1");
        assertThat(both.exitCode()).as(both.err()).isEqualTo(2);
        assertThat(both.err()).startsWith("give --agent or --pid, not both");

        Result noJar = run("ladder", "--pid", "1");
        assertThat(noJar.exitCode()).as(noJar.err()).isEqualTo(2);
        assertThat(noJar.err()).startsWith("--pid needs --agent-jar");

        Result jarAlone = run("ladder", "--agent-jar", "runtruth-agent.jar", "--agent", "http://127.0.0.1:1");
        assertThat(jarAlone.exitCode()).as(jarAlone.err()).isEqualTo(2);
        assertThat(jarAlone.err()).startsWith("--agent-jar goes with --pid");
    }
}
