package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules ({@code docs/prometheus/runtruth-rules.yml}) checked and unit-tested by Prometheus's own
 * {@code promtool} (Debian package {@code prometheus}): {@code promtool check rules} and {@code promtool test rules
 * runtruth-rules-test.yml}, whose non-zero exit code fails the build. Skipped, with a message, only when promtool is
 * not installed and the {@code CI} environment variable is unset; in CI a missing promtool fails.
 */
class PrometheusRulesTest {

    private static final Path DIR = Path.of("..", "docs", "prometheus").toAbsolutePath().normalize();
    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent() || System.getenv("CI") != null,
                "promtool not installed (apt-get install -y --no-install-recommends prometheus): the rule tests are"
                        + " skipped outside CI only");
        assertThat(found).as("promtool on the PATH (CI is set, so the rule tests must run)").isPresent();
        promtool = found.get();
    }

    @Test
    void rulesAreValid() throws Exception {
        assertPromtool("check", "rules", "runtruth-rules.yml");
    }

    @Test
    void everyAlertHasAUnitTestAndAllPass() throws Exception {
        String rules = Files.readString(DIR.resolve("runtruth-rules.yml"), StandardCharsets.UTF_8);
        String tests = Files.readString(DIR.resolve("runtruth-rules-test.yml"), StandardCharsets.UTF_8);
        List<String> alerts = rules.lines().map(String::trim).filter(l -> l.startsWith("- alert: "))
                .map(l -> l.substring("- alert: ".length()).trim()).toList();
        assertThat(alerts).isNotEmpty();
        for (String alert : alerts) {
            assertThat(tests).as("a promtool test for %s that expects it to fire", alert)
                    .containsPattern("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels:");
        }
        assertPromtool("test", "rules", "runtruth-rules-test.yml");
    }

    private static void assertPromtool(String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile("promtool", ".log");
        try {
            Process process = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(args))
                    .toList()).directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args),
                    Files.readString(output)).isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
