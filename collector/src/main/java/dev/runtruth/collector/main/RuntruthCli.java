package dev.runtruth.collector.main;

import dev.runtruth.collector.attach.AttachCommand;
import dev.runtruth.collector.check.CheckCommand;
import dev.runtruth.collector.check.ExpectedCommand;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.demo.DemoCommand;
import dev.runtruth.collector.ladder.LadderCommand;
import dev.runtruth.collector.probe.ProbeCommand;
import dev.runtruth.collector.serve.ServeCommand;
import dev.runtruth.collector.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code runtruth} command line: {@code runtruth expected PATH} lists the routes a build output declares; {@code
 * runtruth check --expected PATH --agent URL} compares them with what a running service's agent reports.
 *
 * <p>Use {@code new CommandLine(new RuntruthCli()).execute(args)}: it returns the exit code ({@link ExitCodes}) and
 * never exits the JVM; only {@link #main} does. Add a subcommand by listing its class (a {@link RuntruthCommand}) in
 * {@code subcommands} below.
 */
@Command(name = "runtruth",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = "Finds runtime drift: routes the repository declares that the running service does not serve,"
                + " routes it serves that the repository does not declare, and a running commit that is not the"
                + " expected one.",
        subcommands = {ExpectedCommand.class, CheckCommand.class, DemoCommand.class, ServeCommand.class,
                LadderCommand.class, ProbeCommand.class, AttachCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class},
        footer = ExitCodes.FOOTER)
public final class RuntruthCli implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    private boolean verbose;

    /** Creates the top-level command; pass it to {@code new CommandLine(...)}. */
    public RuntruthCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new RuntruthCli());
        DemoCommand.hideUnlessCheckout(cli);
        System.exit(cli.execute(args));
    }

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
