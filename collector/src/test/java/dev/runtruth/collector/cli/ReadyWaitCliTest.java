package dev.runtruth.collector.cli;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code ladder} and {@code probe} against an agent that says its application is still starting: they
 * wait (a progress line on stderr) and answer once it is ready, or answer NOT READY with exit 4; never MISSING.
 */
class ReadyWaitCliTest {

    @TempDir
    static Path shared;

    private static Path fatJar;

    @BeforeAll
    static void build() throws Exception {
        fatJar = Fixtures.fatJar(shared.resolve("fixtures-app-1.2.3.jar"), Map.of());
    }

    /** What the agent serves while Spring has registered only its servlet: no controller route yet. */
    private static String starting() {
        List<Route> servletOnly = List.of(Route.of("*", "/**", "servlet", "dispatcherServlet"));
        return AgentExposition.text(AgentExposition.registry(servletOnly, "fixtures-app", Fixtures.COMMIT))
                + inventory("starting", "a Spring application context is refreshing: routes may still be added");
    }

    private static String ready() {
        List<Route> routes = new ArrayList<>(Fixtures.springTruthRoutes());
        return AgentExposition.text(AgentExposition.registry(routes, "fixtures-app", Fixtures.COMMIT))
                + inventory("ready", "");
    }

    private static String inventory(String state, String reason) {
        return "# TYPE " + MetricNames.INVENTORY_INFO + " gauge\n" + MetricNames.INVENTORY_INFO + "{"
                + MetricNames.STATE + "=\"" + state + "\"," + MetricNames.REASON + "=\"" + reason + "\"} 1\n";
    }

    @Test
    void checkWaitsForTheApplicationToStartAndThenAnswers() throws Exception {
        try (AgentStub agent = AgentStub.servingInTurn(AgentStub.TEXT, List.of(starting(), starting(), ready()))) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent", agent.baseUri().toString());

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("NO DRIFT").doesNotContain("MISSING");
            assertThat(result.err()).contains("says the application is still starting (a Spring application context"
                    + " is refreshing").contains("at most 60 s (--wait)");
            assertThat(agent.requests()).isEqualTo(3);
        }
    }

    @Test
    void checkAnswersNotReadyAfterTheWaitNeverMissing() throws Exception {
        try (AgentStub agent = AgentStub.servingInTurn(AgentStub.TEXT, List.of(starting()))) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent", agent.baseUri().toString(),
                    "--wait", "1");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.CANNOT_TELL);
            assertThat(result.out()).startsWith("NOT READY: " + agent.baseUri() + "/metrics says the application is"
                    + " still starting after 1 s").doesNotContain("MISSING").doesNotContain("DRIFT");
            assertThat(agent.requests()).isGreaterThan(1);
        }
    }

    @Test
    void checkJsonSaysNotReady() throws Exception {
        try (AgentStub agent = AgentStub.servingInTurn(AgentStub.TEXT, List.of(starting()))) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent", agent.baseUri().toString(),
                    "--wait", "0", "--json");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.CANNOT_TELL);
            assertThat(result.out()).contains("\"verdict\" : \"not_ready\"").doesNotContain("missing");
            assertThat(agent.requests()).isEqualTo(1);
        }
    }

    @Test
    void ladderAndProbeAnswerNotReadyWithoutProbing() throws Exception {
        try (AgentStub agent = AgentStub.servingInTurn(AgentStub.TEXT, List.of(starting()))) {
            Result ladder = run("ladder", "--agent", agent.baseUri().toString(), "--expected", fatJar.toString(),
                    "--base-url", "http://127.0.0.1:1", "--wait", "0");
            Result probe = run("probe", "--agent", agent.baseUri().toString(), "--base-url", "http://127.0.0.1:1",
                    "--wait", "0");

            assertThat(ladder.exitCode()).as(ladder.out() + ladder.err()).isEqualTo(ExitCodes.CANNOT_TELL);
            assertThat(ladder.out()).startsWith("NOT READY: ").doesNotContain("BROKEN").doesNotContain("MISSING");
            assertThat(probe.exitCode()).as(probe.out() + probe.err()).isEqualTo(ExitCodes.CANNOT_TELL);
            assertThat(probe.out()).startsWith("NOT READY: ");
        }
    }

    @Test
    void aNegativeWaitIsAUsageError() {
        Result result = run("check", "--expected", fatJar.toString(), "--agent", "http://127.0.0.1:1", "--wait",
                "-1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(result.err()).contains("--wait must be 0 or more seconds, not -1");
    }
}
