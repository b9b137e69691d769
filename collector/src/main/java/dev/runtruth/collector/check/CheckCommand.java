package dev.runtruth.collector.check;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.IgnoreOptions;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.ProfileOption;
import dev.runtruth.collector.cli.ReadyWaitOption;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.DriftReportPrinter;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.drift.SourceAgreement;
import dev.runtruth.collector.drift.SourceAgreementPrinter;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSources;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.observed.ReadyWait;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runtruth check --expected PATH --agent URL}: the drift between a build and a running service. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Compares the routes a build output declares with the routes a running service serves, as its Runtruth"
                    + " agent reports them, and the commits of both.",
            "Reports MISSING routes (declared, not served), UNEXPECTED routes (served, not declared, not ignored)"
                    + " and the commit comparison. Routes match on method and path template, variable names aside."},
        footer = IgnoreOptions.FOOTER + ExitCodes.FOOTER)
public final class CheckCommand extends RuntruthCommand {

    @Option(names = "--expected", required = true, paramLabel = "PATH",
            description = "Build output (classes directory, class file, jar, fat jar, war), a manifest written by"
                    + " 'expected --json' or by the agent's dump= option, or an OpenAPI 3.0/3.1 or Swagger 2.0"
                    + " document (YAML or JSON). Repeatable: the routes of all are expected, and the report shows"
                    + " which input declares each route and the documented operations no code declares.")
    private List<Path> expected = new ArrayList<>();

    @Mixin
    private ProfileOption profile;

    @Option(names = "--agent", required = true, paramLabel = "URL",
            description = "The agent's metrics endpoint: http://host:port or http://host:port/metrics.")
    private String agent;

    @Option(names = "--path-prefix", paramLabel = "PATH",
            description = "Prefix every expected route with PATH: the context path and servlet path the service runs"
                    + " under (server.servlet.context-path + spring.mvc.servlet.path), which the agent includes."
                    + " The default ignore rules move under it too.")
    private String pathPrefix;

    @Mixin
    private IgnoreOptions ignoreOptions;

    @Option(names = "--all-listeners", description = "Also compare the routes the service serves on a separate"
            + " administration or management listener (runtruth_route_info with a port label, e.g. Dropwizard's admin"
            + " connector). By default only the application listener's routes are compared, and the others are"
            + " named in a note.")
    private boolean allListeners;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Connect and response timeout for the agent, in seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Mixin
    private ReadyWaitOption readyWait;

    @Option(names = "--json", description = "Print the report as JSON (" + DriftReportPrinter.JSON_FORMAT + ").")
    private boolean json;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        ignoreOptions.rules(spec.commandLine(), ServicePaths.DEFAULT); // a bad rule is a usage error before any read
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number");
        }
        URI url = AgentScraper.metricsUri(agent);
        ExpectedSources sources = ExpectedSources.load(expected, profile.profiles());
        ExpectedRoutes expectedRoutes = sources.combined().withPathPrefix(pathPrefix);
        IgnoreRules rules = ignoreOptions.rules(spec.commandLine(), expectedRoutes.paths());
        SourceAgreement agreement = sources.sources().size() > 1 ? SourceAgreement.of(sources) : null;
        warn(err, expectedRoutes.warnings());
        expectedRoutes.notes().forEach(n -> err.println("runtruth: note: " + n));
        Duration wait = readyWait.duration();
        ObservedRoutes observed = ReadyWait.scrape(new AgentScraper(Duration.ofSeconds(timeoutSeconds)), url, wait,
                err);
        warn(err, observed.warnings());
        if (observed.coverage().starting()) {
            // a list read while routes are still being registered is no answer: no MISSING line, no DRIFT
            if (json) {
                DriftReportPrinter.printNotReadyJson(observed, out);
            } else {
                out.println(ReadyWait.notReadyLine(observed, wait));
                out.flush();
            }
            return ExitCodes.CANNOT_TELL;
        }
        if (!allListeners && !observed.separateListenerRoutes().isEmpty()) {
            err.println("runtruth: note: " + leftOut(observed.separateListenerRoutes()));
            observed = observed.onApplicationListener();
        }
        DriftReport report = DriftComparator.compare(expectedRoutes, observed, rules);
        boolean disagrees = agreement != null && !agreement.documentedNotImplemented().isEmpty();
        if (json) {
            DriftReportPrinter.printJson(report, out);
        } else {
            if (agreement != null) {
                SourceAgreementPrinter.print(sources, agreement, out);
            }
            DriftReportPrinter.print(report, out);
            if (disagrees) {
                out.println("REPOSITORY DISAGREES: " + agreement.documentedNotImplemented().size()
                        + " documented operation(s) no code declares (listed above)");
                out.flush();
            }
        }
        return disagrees ? ExitCodes.DRIFT : ExitCodes.of(report.verdict());
    }

    /** @return one line: how many routes of which separate listener ports were left out, and how to include them */
    static String leftOut(List<dev.runtruth.model.Route> separate) {
        java.util.Map<String, Long> perPort = new java.util.TreeMap<>();
        separate.forEach(r -> perPort.merge(r.port(), 1L, Long::sum));
        StringBuilder ports = new StringBuilder();
        perPort.forEach((port, n) -> ports.append(ports.length() == 0 ? "" : ", ").append(n)
                .append(n == 1 ? " route" : " routes").append(" on port ").append(port));
        return "left out the routes of separate (admin/management) listeners: " + ports
                + "; --all-listeners compares them too";
    }
}
