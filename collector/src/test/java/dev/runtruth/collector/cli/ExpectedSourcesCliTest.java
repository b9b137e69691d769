package dev.runtruth.collector.cli;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code expected} with a spec, a manifest and a build output, alone and combined. */
class ExpectedSourcesCliTest {

    @TempDir
    Path temp;

    /** A spec documenting the first two GET routes of the fixtures, plus {@code extra} paths (GET). */
    private Path spec(String... extra) throws Exception {
        List<Route> gets = Fixtures.springTruthRoutes().stream().filter(r -> r.method().equals("GET")).limit(2)
                .toList();
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: fixtures, version: '1'}\npaths:\n");
        int i = 0;
        List<String> paths = new ArrayList<>(gets.stream().map(Route::template).toList());
        paths.addAll(List.of(extra));
        for (String path : paths) {
            yaml.append("  '").append(path).append("':\n    get: {operationId: op").append(i++)
                    .append(", responses: {'200': {description: ok}}}\n");
        }
        return Files.writeString(temp.resolve("openapi.yaml"), yaml);
    }

    private static AgentStub agent(List<Route> routes) throws Exception {
        List<Route> all = new ArrayList<>(routes);
        all.add(Route.of("GET", "/error", "spring-webmvc", "o.s.b.BasicErrorController#error"));
        return AgentStub.serving(AgentStub.TEXT,
                AgentExposition.text(AgentExposition.registry(all, "fixtures-app", Fixtures.COMMIT)));
    }

    @Test
    void checkWithASpecAloneReportsTheUndocumentedRoutesAsUnexpectedAndNamesOperations() throws Exception {
        Path spec = spec("/not-served");
        try (AgentStub agent = agent(Fixtures.springTruthRoutes())) {
            Result result = run("check", "--expected", spec.toString(), "--agent", agent.baseUri().toString());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
            assertThat(result.out()).containsPattern("MISSING +GET +/not-served +openapi.yaml#op2");
            assertThat(result.out()).contains("DRIFT: 1 missing, " + (Fixtures.springTruthRoutes().size() - 2)
                    + " unexpected");
        }
    }

    @Test
    void checkWithCodeAndSpecShowsSourcesPerRouteAndFlagsTheDocumentedOperationNoCodeDeclares() throws Exception {
        Path jar = Fixtures.fatJar(temp.resolve("fixtures-app-1.2.3.jar"), Map.of());
        Path spec = spec("/documented/only");
        try (AgentStub agent = agent(Fixtures.springTruthRoutes())) {
            Result result = run("check", "--expected", jar.toString(), "--expected", spec.toString(), "--agent",
                    agent.baseUri().toString());

            assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("expected sources:").containsPattern("code +" + jar)
                    .containsPattern("spec +" + spec).contains("code, spec")
                    .contains("DOCUMENTED, NOT IMPLEMENTED: 1 operation")
                    .containsPattern("GET +/documented/only +openapi.yaml#op2")
                    .contains("DRIFT: 1 missing").contains("REPOSITORY DISAGREES: 1 documented operation");
        }
    }

    @Test
    void checkWithCodeAndATrueSpecIsNoDrift() throws Exception {
        Path jar = Fixtures.fatJar(temp.resolve("fixtures-app-1.2.3.jar"), Map.of());
        Path spec = spec();
        try (AgentStub agent = agent(Fixtures.springTruthRoutes())) {
            Result result = run("check", "--expected", jar.toString(), "--expected", spec.toString(), "--agent",
                    agent.baseUri().toString());

            assertThat(result.exitCode()).as(result.out()).isZero();
            assertThat(result.out()).contains("NO DRIFT").doesNotContain("DOCUMENTED, NOT IMPLEMENTED");
        }
    }

    @Test
    void expectedReadsSpecsAndManifestsAndRejectsBadSpecsWithOneLine() throws Exception {
        Path spec = spec();
        Path manifest = Files.writeString(temp.resolve("m.json"), run("expected", "--json", spec.toString()).out());
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "openapi: 3.0.0\npaths: [1]\n");

        Result fromManifest = run("expected", manifest.toString());
        Result fromBad = run("expected", bad.toString());

        assertThat(fromManifest.exitCode()).isZero();
        assertThat(fromManifest.out()).contains("openapi.yaml#op0").contains("# 2 routes");
        assertThat(fromBad.exitCode()).isEqualTo(2);
        assertThat(fromBad.err().lines()).containsExactly("runtruth: " + bad + ": 'paths' is not an object");
        assertThat(fromBad.out()).isEmpty();
    }
}
