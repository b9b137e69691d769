package dev.runtruth.collector.cli;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16's input cases and its "one answer to 'is this drift?'", through the command line as a user types them:
 * each input error with its exact one-line message and exit code 2 (nothing on stdout), and a commit difference that is
 * exit 1 in {@code check} and in every {@code ladder} rung.
 */
class OneAnswerCliTest {

    /** The repository's own docs directory: a real directory that is not a build output. */
    private static final Path DOCS = Path.of("..", "docs");
    /** The repository's own README: a real text file. */
    private static final Path README = Path.of("..", "README.md");
    private static final String OTHER_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    static Path shared;
    private static Path fatJar;

    @BeforeAll
    static void build() throws IOException {
        fatJar = Fixtures.fatJar(shared.resolve("fixtures-app-1.2.3.jar"), Map.of());
    }

    private static void assertInputError(Result result, String line) {
        assertThat(result.err()).as(result.out()).isEqualTo("runtruth: " + line + System.lineSeparator());
        assertThat(result.out()).as("nothing half-written").isEmpty();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
    }

    @Test
    void aDirectoryThatIsNotABuildOutputIsAnInputErrorNamingWhatWasLookedFor() {
        String line = DOCS + ": not a build output: no class files below it, no pom.xml or build.gradle with a build"
                + " output; give a classes directory, a jar or war, a route manifest or an OpenAPI document";
        assertInputError(run("expected", DOCS.toString()), line);
        assertInputError(run("check", "--expected", DOCS.toString(), "--agent", "http://127.0.0.1:1"), line);
    }

    @Test
    void aCheckoutRootReadsItsBuildOutputAndSaysWhyTheCommitIsUnknown(@TempDir Path checkout) throws IOException {
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        assertInputError(run("expected", checkout.toString()), checkout + ": a source checkout (pom.xml) without a"
                + " build output: no class files in target/classes, build/classes or a jar in build/libs; build it"
                + " first (e.g. ./mvnw package) or give the build output itself");

        Path classes = checkout.resolve("target/classes");
        copyTree(Fixtures.fixtureClasses(), classes.resolve("dev/runtruth/collector/fixtures"));
        Result result = run("expected", checkout.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines()).containsExactly(
                "runtruth: note: " + checkout + " is a source checkout (pom.xml): read its build output " + classes,
                "runtruth: note: the commit is unknown: " + classes + " holds no git.properties (the"
                        + " git-commit-id-maven-plugin or gradle-git-properties write one); the checkout's HEAD is"
                        + " not taken for it, as the build may be older than the checkout");
        assertThat(result.out()).contains("GET", "/owners/{ownerId}");
    }

    @Test
    void aReadmeIsNotABuildOutputManifestOrOpenApiDocument() {
        String line = README + ": not a build output, manifest or OpenAPI document (expected a jar, war, class file"
                + " or classes directory, a route manifest in JSON, or an OpenAPI document in YAML or JSON)";
        assertInputError(run("check", "--expected", README.toString(), "--agent", "http://127.0.0.1:1"), line);
        assertInputError(run("expected", README.toString()), line);
    }

    @Test
    void anAgentHostThatDoesNotResolveIsSaidSo() {
        assertInputError(run("check", "--expected", fatJar.toString(), "--agent", "http://nosuchhost.invalid:7461"),
                "http://nosuchhost.invalid:7461/metrics: cannot resolve host nosuchhost.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "probe", "ladder"})
    void anAgentWithoutSchemeIsToldToAddHttp(String command) {
        List<String> args = new ArrayList<>(List.of(command, "--agent", "localhost:7461"));
        if (!command.equals("ladder")) {
            args.addAll(List.of(command.equals("check") ? "--expected" : "--base-url",
                    command.equals("check") ? fatJar.toString() : "http://127.0.0.1:1"));
        }
        assertInputError(run(args.toArray(String[]::new)), "localhost:7461: add http://, e.g. http://localhost:7461");
    }

    @Test
    void aCommitDifferenceIsDriftInCheckAndInTheLadder() throws Exception {
        try (AgentStub agent = agent(OTHER_COMMIT)) {
            String url = agent.baseUri().toString();
            Result check = run("check", "--expected", fatJar.toString(), "--agent", url);
            Result ladder = run("ladder", "--expected", fatJar.toString(), "--agent", url);

            assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCodes.DRIFT);
            assertThat(check.out()).contains("commit: DIFFERENT: running " + OTHER_COMMIT);
            assertThat(ladder.exitCode()).as(ladder.out()).isEqualTo(ExitCodes.DRIFT);
            assertThat(ladder.out()).containsPattern("runtime +BROKEN")
                    .contains("BROKEN AT RUNTIME: the running process runs another commit than the source (it runs"
                            + " commit 0123456, the source is " + Fixtures.COMMIT.substring(0, 7) + ")");
        }
    }

    @Test
    void aRepoWhoseHeadIsNotWhatRunsBreaksTheSourceRung(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README"), "x\n");
        git(repo, "add", "README");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
        String head = git(repo, "rev-parse", "HEAD").strip();
        try (AgentStub agent = agent(OTHER_COMMIT)) {
            Result ladder = run("ladder", "--repo", repo.toString(), "--agent", agent.baseUri().toString());

            assertThat(ladder.exitCode()).as(ladder.out() + ladder.err()).isEqualTo(ExitCodes.DRIFT);
            assertThat(ladder.out()).containsPattern("source +BROKEN")
                    .contains("BROKEN AT SOURCE: HEAD " + head.substring(0, 7) + " of " + repo + " is not the commit"
                            + " the service runs (0123456): --repo is another repository or checkout, or the"
                            + " deployment is stale; check out 0123456 (or give --expected, its build output) to tell"
                            + " which")
                    .doesNotContain("LADDER HOLDS");
        }
        try (AgentStub same = agent(head)) {
            Result ladder = run("ladder", "--repo", repo.toString(), "--agent", same.baseUri().toString());
            assertThat(ladder.exitCode()).as(ladder.out()).isZero();
            assertThat(ladder.out()).contains("LADDER HOLDS");
        }
    }

    @Test
    void probeAndLadderRefuseABadIgnoreRuleAsCheckDoes() {
        for (String command : List.of("check", "probe", "ladder")) {
            List<String> args = new ArrayList<>(List.of(command, "--expected", fatJar.toString(), "--agent",
                    "http://127.0.0.1:1", "--ignore", "internal/**"));
            if (!command.equals("check")) {
                args.addAll(List.of("--base-url", "http://127.0.0.1:1"));
            }
            Result result = run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(result.err()).as(command)
                    .startsWith("ignore rule 'internal/**': expected [METHOD ]/glob, e.g. /internal/**");
        }
    }

    private static AgentStub agent(String commit) throws IOException {
        List<Route> routes = new ArrayList<>(Fixtures.springTruthRoutes());
        return AgentStub.serving(AgentStub.TEXT,
                AgentExposition.text(AgentExposition.registry(routes, "fixtures-app", commit)));
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("%s: %s", command, output).isTrue();
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(p -> !p.toString().contains("placeholder")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
