package dev.runtruth.collector.cli;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line end to end: real build outputs, a real HTTP server serving client_java text, exit codes. */
class RuntruthCliTest {

    /** Routes Spring Boot serves that the repository never declares: the default ignore rules cover them. */
    private static final List<Route> BOOT_EXTRAS = List.of(
            Route.of("*", "/error", "spring-webmvc", "org.springframework.boot.autoconfigure.web.servlet.error"
                    + ".BasicErrorController#error"),
            Route.of("GET", "/actuator/health", "spring-webmvc", "o.s.b.a.e.web.servlet.Handler#handle"),
            Route.of("*", "/**", "spring-webmvc", "org.springframework.web.servlet.resource"
                    + ".ResourceHttpRequestHandler"));

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path fatJar;

    @BeforeEach
    void buildOnce() throws IOException {
        if (fatJar == null) {
            fatJar = Fixtures.fatJar(shared.resolve("fixtures-app-1.2.3.jar"), Map.of());
        }
    }

    @Test
    void helpListsTheSubcommandsAndTheExitCodes() {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("expected", "check", "Exit codes:", "0  no drift", "1  drift",
                "2  usage or input error");
    }

    @Test
    void checkHelpListsTheDefaultIgnoreRules() {
        Result result = run("check", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Default ignore rules").contains(IgnoreRules.DEFAULT_RULES);
    }

    @Test
    void theProfileOptionOfExpectedAndCheckShowsThePlaceholderSyntaxNotAnInterpolatedNull() {
        for (String command : new String[] {"expected", "check"}) {
            Result result = run(command, "--help");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().replaceAll("\\s+", " ")).contains("--profile=NAME")
                    .contains("resolve ${...} placeholders").doesNotContain("resolve null");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} --version")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"expected", "check", "demo", "serve", "ladder", "probe",
        "attach"})
    void everySubcommandNamesTheCollectorVersion(String command) {
        Result result = run(command, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("runtruth collector ");
    }

    @Test
    void versionNamesTheCollector() {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("runtruth collector ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("--bogus").exitCode()).isEqualTo(2);
        assertThat(run("check", "--expected", "x.jar").exitCode()).isEqualTo(2);
        Result badRule = run("check", "--expected", fatJar.toString(), "--agent", "http://127.0.0.1:1",
                "--ignore", "internal/**");
        assertThat(badRule.exitCode()).isEqualTo(2);
        assertThat(badRule.err()).startsWith("ignore rule 'internal/**': expected [METHOD ]/glob");
    }

    @Test
    void expectedPrintsATableWithTheInputAndCommit() {
        Result result = run("expected", fatJar.toString());

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("# " + fatJar + " (service fixtures-app, version 1.2.3, commit "
                + Fixtures.COMMIT + ", branch main)");
        assertThat(lines.get(1)).matches("METHOD +ROUTE +DECLARED BY");
        assertThat(lines).anyMatch(l -> l.matches(
                "GET +/owners/\\{ownerId} +dev\\.runtruth\\.collector\\.fixtures\\.OwnerController#show"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("# " + Fixtures.springTruth().size() + " routes");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void expectedWarnsOnStderrAndGoesOn() {
        Result result = run("expected", Fixtures.testClasses().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("runtruth: warning: " + Fixtures.PLACEHOLDER_PACKAGE + ".PlaceholderController#items");
    }

    @Test
    void expectedJsonIsTheManifest() throws Exception {
        Result result = run("expected", "--json", fatJar.toString());

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("format").asText()).isEqualTo("runtruth-manifest/1");
        assertThat(json.get("service").asText()).isEqualTo("fixtures-app");
        assertThat(json.get("commit").asText()).isEqualTo(Fixtures.COMMIT);
        assertThat(json.get("routes")).hasSize(Fixtures.springTruth().size());
    }

    @Test
    void checkWithoutDriftExitsZero() throws Exception {
        try (AgentStub agent = agent(served(List.of(), List.of()), Fixtures.COMMIT)) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent", agent.baseUri().toString());

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains(
                    "expected: " + fatJar + " (service fixtures-app, version 1.2.3, commit " + Fixtures.COMMIT,
                    "observed: " + agent.baseUri() + "/metrics (service fixtures-app, version 1.2.3, commit "
                            + Fixtures.COMMIT,
                    "no missing or unexpected routes",
                    "commit: same (" + Fixtures.COMMIT + ")",
                    "NO DRIFT (" + Fixtures.springTruth().size() + " routes match, 3 served routes ignored)");
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void checkWithDriftExitsOneAndListsIt() throws Exception {
        Route gone = Route.of("GET", "/owners/{ownerId}", "", "");
        Route extra = Route.of("DELETE", "/legacy/{id}", "spring-webmvc", "com.example.LegacyController#delete");
        String running = "0123456789abcdef0123456789abcdef01234567";
        try (AgentStub agent = agent(served(List.of(gone), List.of(extra)), running)) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent",
                    agent.baseUri() + "/metrics");

            assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
            assertThat(result.out().lines()).anyMatch(l -> l.matches(
                    "MISSING +GET +/owners/\\{ownerId} +dev\\.runtruth\\.collector\\.fixtures\\.OwnerController#show"))
                    .anyMatch(l -> l.matches(
                            "UNEXPECTED +DELETE +/legacy/\\{id} +com\\.example\\.LegacyController#delete"))
                    .contains("commit: DIFFERENT: running " + running + ", expected " + Fixtures.COMMIT)
                    .anyMatch(l -> l.startsWith("DRIFT: 1 missing, 1 unexpected, commit differs ("));
        }
    }

    @Test
    void checkAcceptsAManifestAsExpected() throws Exception {
        Path manifest = Files.writeString(temp.resolve("manifest.json"), run("expected", "--json",
                fatJar.toString()).out());
        try (AgentStub agent = agent(served(List.of(), List.of()), Fixtures.COMMIT)) {
            Result result = run("check", "--expected", manifest.toString(), "--agent", agent.baseUri().toString());

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("expected: " + manifest + " (manifest of " + fatJar + ")");
        }
    }

    @Test
    void pathPrefixRebasesTheExpectedRoutesUnderTheContextPath() throws Exception {
        List<Route> underContextPath = Fixtures.springTruthRoutes().stream()
                .map(r -> Route.of(r.method(), "/shop" + r.template(), r.framework(), r.handler())).toList();
        try (AgentStub agent = agent(underContextPath, Fixtures.COMMIT)) {
            String url = agent.baseUri().toString();
            Result without = run("check", "--expected", fatJar.toString(), "--agent", url);
            Result with = run("check", "--expected", fatJar.toString(), "--agent", url, "--path-prefix", "/shop/");

            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(with.exitCode()).as(with.out()).isZero();
            assertThat(with.out()).contains("expected: " + fatJar + " under /shop (");
        }
    }

    @Test
    void defaultIgnoresCanBeDroppedAndReplaced() throws Exception {
        try (AgentStub agent = agent(served(List.of(), List.of()), Fixtures.COMMIT)) {
            String url = agent.baseUri().toString();
            Result strict = run("check", "--expected", fatJar.toString(), "--agent", url, "--no-default-ignores");
            Result custom = run("check", "--expected", fatJar.toString(), "--agent", url, "--no-default-ignores",
                    "--ignore", "/error", "--ignore", "GET /actuator/**", "--ignore", "/\\*\\*");

            assertThat(strict.exitCode()).isEqualTo(1);
            assertThat(strict.out()).contains("DRIFT: 3 unexpected");
            assertThat(custom.exitCode()).as(custom.out()).isZero();
        }
    }

    @Test
    void checkJsonReport() throws Exception {
        try (AgentStub agent = agent(served(List.of(), List.of()), Fixtures.COMMIT)) {
            Result result = run("check", "--json", "--expected", fatJar.toString(), "--agent",
                    agent.baseUri().toString());

            assertThat(result.exitCode()).isZero();
            JsonNode json = new ObjectMapper().readTree(result.out());
            assertThat(json.get("drift").asBoolean()).isFalse();
            assertThat(json.get("commit").asText()).isEqualTo("same");
            assertThat(json.get("ignored")).hasSize(3);
        }
    }

    @Test
    void unreachableAgentIsOneLineAndExitTwo() throws Exception {
        String url = AgentStub.closedPort().toString();

        Result result = run("check", "--expected", fatJar.toString(), "--agent", url);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("runtruth: " + url
                + ": cannot connect: connection refused (is the agent listening there?)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void nonPrometheusResponseIsOneLineAndExitTwo() throws Exception {
        try (AgentStub agent = AgentStub.serving("text/html", "<html><body>Sign in</body></html>")) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent", agent.baseUri().toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.errLines()).singleElement().asString().startsWith("runtruth: " + agent.baseUri()
                    + "/metrics: not Prometheus text exposition format (content type text/html): line 1:");
        }
    }

    @Test
    void httpErrorStatusIsOneLineAndExitTwo() throws Exception {
        try (AgentStub agent = AgentStub.answering(404, "text/plain", "Not Found")) {
            Result result = run("check", "--expected", fatJar.toString(), "--agent", agent.baseUri().toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.errLines()).containsExactly("runtruth: " + agent.baseUri()
                    + "/metrics: HTTP status 404 (expected 200)");
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("missing path", "no such file or directory"),
                Arguments.of("text file", "not a build output, manifest or OpenAPI document"),
                Arguments.of("truncated class", "corrupt class file: "),
                Arguments.of("corrupt jar", "corrupt jar: not a zip archive"),
                Arguments.of("malformed manifest", "malformed manifest: "));
    }

    @ParameterizedTest(name = "expected: {0}")
    @MethodSource("badInputs")
    void badInputToExpectedIsOneLineAndExitTwo(String kind, String problem) throws Exception {
        Path input = badInput(kind);

        Result result = run("expected", input.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("runtruth: " + input + ": " + problem);
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest(name = "check --expected: {0}")
    @MethodSource("badInputs")
    void badInputToCheckIsOneLineAndExitTwo(String kind, String problem) throws Exception {
        Path input = badInput(kind);

        Result result = run("check", "--expected", input.toString(), "--agent", AgentStub.closedPort().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("runtruth: " + input + ": " + problem);
    }

    @Test
    void verboseAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        String missing = temp.resolve("nope").toString();

        for (String[] args : List.of(new String[] {"--verbose", "expected", missing},
                new String[] {"expected", "--verbose", missing})) {
            Result result = run(args);

            assertThat(result.exitCode()).as(Arrays.toString(args)).isEqualTo(2);
            assertThat(result.errLines().get(0)).isEqualTo("runtruth: " + missing + ": no such file or directory");
            assertThat(result.errLines()).hasSizeGreaterThan(2)
                    .anyMatch(l -> l.contains("dev.runtruth.collector.InputException"));
        }
    }

    private Path badInput(String kind) throws IOException {
        switch (kind) {
            case "missing path":
                return temp.resolve("missing.jar");
            case "text file":
                return Files.writeString(temp.resolve("README.txt"), "not a build output\n");
            case "truncated class":
                byte[] bytes = Files.readAllBytes(Fixtures.fixtureClasses().resolve("OwnerController.class"));
                return Files.write(temp.resolve("OwnerController.class"), Arrays.copyOf(bytes, bytes.length / 2));
            case "corrupt jar":
                byte[] random = new byte[4096];
                new java.util.Random(42).nextBytes(random);
                return Files.write(temp.resolve("app.jar"), random);
            case "malformed manifest":
                return Files.writeString(temp.resolve("manifest.json"), "{\"format\":\"runtruth-manifest/1\"");
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** The routes Spring registers for the fixtures, minus {@code gone}, plus {@code extra} and Boot's own. */
    private static List<Route> served(List<Route> gone, List<Route> extra) {
        List<Route> routes = new ArrayList<>(Fixtures.springTruthRoutes());
        routes.removeAll(gone);
        routes.addAll(extra);
        routes.addAll(BOOT_EXTRAS);
        return routes;
    }

    private static AgentStub agent(List<Route> routes, String commit) throws IOException {
        return AgentStub.serving(AgentStub.TEXT,
                AgentExposition.text(AgentExposition.registry(routes, "fixtures-app", commit)));
    }
}
