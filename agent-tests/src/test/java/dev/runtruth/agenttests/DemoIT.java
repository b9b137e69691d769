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
 * a different commit, the route answering 404) and no drift after the fix (the route answering 200).
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
                .containsPattern("GET http://127\\.0\\.0\\.1:\\d+/api/v1/workflows/steps/definitions -> 200")
                .contains("NO DRIFT")
                .contains("The demo ran as designed");
    }
}
