package dev.runtruth.collector.attach;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.TextTable;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.DriftReportPrinter;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSources;
import dev.runtruth.collector.observed.ObservedRoutes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runtruth attach PID --agent-jar JAR [--expected PATH...]}: loads the agent into a JVM that is serving now
 * (no restart, which would destroy the evidence), waits for its first inventory, and prints what it sees, or the
 * drift report against {@code --expected} with {@code check}'s exit codes.
 */
@Command(name = "attach",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Loads the Runtruth agent into a running JVM (Attach API, options passed whole; the endpoint on"
                    + " loopback), waits for its inventory and prints the build, the routes and what the agent could"
                    + " not see; with --expected, the drift report of 'check'.",
            "What it does to the process: one agent thread that walks the object graph once to find the framework"
                    + " objects created before the attach (reads fields, runs no application code, changes no loaded"
                    + " class), and a metrics endpoint on 127.0.0.1; the agent stays until the JVM exits. A framework"
                    + " whose objects it could not find reads 'failed' and the verdict says CANNOT TELL instead of"
                    + " inventing drift."},
        footer = ExitCodes.FOOTER)
public final class AttachCommand extends RuntruthCommand {

    @Parameters(index = "0", paramLabel = "PID", description = "Process id of the running JVM (jps, jcmd -l).")
    private long pid;

    @Option(names = "--agent-jar", required = true, paramLabel = "JAR",
            description = "The agent jar to load, e.g. agent/target/runtruth-agent.jar.")
    private Path agentJar;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the agent's endpoint on 127.0.0.1 (default: a free one).")
    private int port;

    @Option(names = "--expected", paramLabel = "PATH",
            description = "Compare with what these build outputs, manifests or OpenAPI documents declare, as 'check'"
                    + " does. Repeatable.")
    private List<Path> expected = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the agent's first inventory, in seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        LiveAgent.Attached agent = LiveAgent.attach(pid, agentJar, port, Duration.ofSeconds(timeoutSeconds), err);
        ObservedRoutes observed = agent.firstRead();
        err.println("runtruth: the agent serves " + agent.metrics() + " until process " + pid + " exits");
        if (!expected.isEmpty()) {
            ExpectedRoutes expectedRoutes = ExpectedSources.load(expected, List.of()).combined();
            DriftReport report = DriftComparator.compare(expectedRoutes, observed,
                    IgnoreRules.defaults(expectedRoutes.paths()));
            DriftReportPrinter.print(report, out);
            return ExitCodes.of(report.verdict());
        }
        out.println("observed: " + observed.source() + " (" + observed.build().describe() + ")");
        TextTable table = new TextTable("METHOD", "ROUTE", "FRAMEWORK", "HANDLER");
        observed.routes().forEach(r -> table.row(r.method(), r.template(), r.framework(), r.handler()));
        table.print(out);
        out.println("# " + observed.routes().size() + " routes");
        DriftReportPrinter.printNotSeen(observed.coverage(), out);
        out.flush();
        return observed.coverage().blind() ? ExitCodes.CANNOT_TELL : ExitCodes.OK;
    }
}
