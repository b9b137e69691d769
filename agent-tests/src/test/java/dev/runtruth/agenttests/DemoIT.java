package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The main job as a user runs it: {@code runtruth demo} builds two real commits of the sample service with the
 * Maven wrapper, deploys the old one with the agent, and must find the stale deployment (the workflow routes missing,
 * a different commit, the route answering 404) and no drift after the fix. The ladder of each deployment: the stale one
 * breaks at the runtime rung (its route rung shows the framework's 404), the fixed one holds up to the auth rung: the
 * route answers 401 (the sample's workflow routes require HTTP basic), and 200 with the sample's demo user.
 */
class DemoIT {

    @Test
    void demoCatchesTheStaleDeploymentAndSeesTheFix() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("runtruth.home")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of("target", "demo-it")).toAbsolutePath();
        Path output = work.resolve("demo-output.txt");
        Process demo = new ProcessBuilder(List.of(Jdks.current().resolve("bin/java").toString(), "-jar",
                Artifacts.collectorJar().toString(), "demo", "--home", home.toString(), "--workdir", work.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = demo.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            demo.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as("demo finished within 10 minutes:%n%s", text).isTrue();
        assertThat(demo.exitValue()).as("demo exit code; output:%n%s", text).isZero();
        assertThat(text)
                .containsPattern("GET http://127\\.0\\.0\\.1:\\d+/api/v1/workflows/steps/definitions -> 404")
                .containsPattern("MISSING +GET +/api/v1/workflows/steps/definitions")
                .containsPattern("MISSING +POST +/api/v1/workflows/\\{workflowId}/steps")
                .contains("commit: DIFFERENT")
                .containsPattern("GET http://127\\.0\\.0\\.1:\\d+/api/v1/workflows/steps/definitions -> 401")
                .contains("NO DRIFT")
                .containsPattern("\\$ runtruth check --expected \\S+\\.jar --agent http://127\\.0\\.0\\.1:\\d+/metrics")
                .containsPattern("\\$ runtruth ladder --all --repo ")
                .contains("(exit code 1)").contains("(exit code 0)")
                .contains("The demo ran as designed");
        // the stale deployment's ladder (--all: the rungs above the broken one are walked too)
        assertThat(text)
                .containsPattern("source +OK +HEAD [0-9a-f]{7}; build output backoffice-[0-9a-f]{7}\\.jar from commit")
                .containsPattern("artifact +OK +jar, commit [0-9a-f]{7}: \\d+ routes, all \\d+ routes of the source")
                .containsPattern("runtime +BROKEN +agent: commit [0-9a-f]{7}, \\d+ routes served, 3 routes of the"
                        + " artifact missing")
                .containsPattern("MISSING +GET /api/v1/workflows/steps/definitions")
                .containsPattern("absent +GET /api/v1/workflows/steps/definitions -> 404")
                .contains("BROKEN AT RUNTIME: the running process lacks 3 routes that the artifact has");
        // the fixed deployment's ladder: 404 turned 401, and 200 after authentication
        assertThat(text)
                .containsPattern("route +OK .*3 protected")
                .containsPattern("protected +GET /api/v1/workflows/steps/definitions -> 401")
                .containsPattern("auth +OK +with Authorization from file \\S*demo-user\\.header: 3 present")
                .contains("GET /api/v1/workflows/steps/definitions: 401 without credentials, 200 with them (present)")
                .contains("LADDER HOLDS")
                .contains("answered 404 before the fix and 401 after it");
    }
}
