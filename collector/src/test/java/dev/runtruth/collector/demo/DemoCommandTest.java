package dev.runtruth.collector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.main.RuntruthCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code demo} outside a source checkout: one line saying why, exit code 2, and left out of {@code runtruth --help}.
 * The demo itself (real builds, real JVMs, the real {@code check} and {@code ladder}) is agent-tests' {@code DemoIT}.
 */
class DemoCommandTest {

    @Test
    void outsideASourceCheckoutItSaysWhyAndExitsTwo(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RuntruthCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("demo", "--home", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("runtruth: demo: needs a Runtruth source checkout")
                .contains(dir.toString()).hasLineCount(1);
    }

    @Test
    void theHelpOfAReleasedJarDoesNotOfferIt() {
        // surefire runs in collector/, which is not a checkout's root; the launcher's RUNTRUTH_HOME would be
        Assumptions.assumeTrue(System.getenv("RUNTRUTH_HOME") == null);
        CommandLine cli = new CommandLine(new RuntruthCli());
        String before = cli.getUsageMessage();
        DemoCommand.hideUnlessCheckout(cli);

        assertThat(before).contains("  demo ");
        assertThat(cli.getUsageMessage()).doesNotContain("  demo ").contains("  check ");
        assertThat(cli.getSubcommands().get("demo").getUsageMessage()).contains("Only in a Runtruth source checkout");
    }
}
