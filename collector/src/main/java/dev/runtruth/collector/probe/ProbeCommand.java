package dev.runtruth.collector.probe;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ReadyWaitOption;
import dev.runtruth.collector.cli.IgnoreOptions;
import dev.runtruth.collector.cli.ProfileOption;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSource;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.observed.ReadyWait;
import dev.runtruth.model.Route;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runtruth probe --base-url URL --expected PATH}: asks a live service, safely, whether each route is there. */
@Command(name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Sends one request per expected route to a live service and says what the answer means: present (2xx,"
                    + " 3xx), protected (401, 403), absent (the framework's 404: the route is not registered),"
                    + " app-not-found (a 404 the application gave for a registered route), not-found (a 404 without"
                    + " --agent to tell), method-mismatch (405), present-failing (500 and other 5xx: the route"
                    + " exists, its handler failed), unreachable (no answer, 502, 503, 504).",
            "Routes an ignore rule matches (the same rules as 'check', following the build's context path and"
                    + " actuator base path) are not requested; management endpoints that dump state (heapdump,"
                    + " threaddump, env, beans, configprops, loggers, ...) never are.",
            "Safe by default and by construction: only GET, HEAD and OPTIONS are ever sent, never a body; a POST, PUT,"
                    + " DELETE or PATCH route is probed with OPTIONS (or HEAD, or skipped: --unsafe-routes); path"
                    + " variables get placeholders (1, or --path-var); redirects are never followed; requests are"
                    + " limited in number in flight, rate and time."},
        footer = IgnoreOptions.FOOTER
                + "%nExit codes:%n  0  every probed route is present (also present-failing) or protected%n"
                + "  1  a route is absent, not found, method-mismatch or unreachable%n"
                + "  2  usage or input error (bad URL, unreadable --expected, --header variable not set)%n"
                + "  3  internal error (a bug: rerun with --verbose)%n"
                + "  4  cannot tell: the service is still starting (--wait), or nothing was probed (the build declares"
                + " no route Runtruth can read, the agent lists none, or every route is ignored)%n")
public final class ProbeCommand extends RuntruthCommand {

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "The service as its clients reach it, e.g. http://localhost:8080; templates are appended.")
    private String baseUrl;

    @Option(names = "--expected", paramLabel = "PATH",
            description = "The routes to probe: build output, manifest or OpenAPI document (as for 'check')."
                    + " Without it, the routes the agent (--agent) reports.")
    private Path expected;

    @Option(names = "--agent", paramLabel = "URL",
            description = "The service's agent: its route list tells the framework's 404 (absent) from the"
                    + " application's own (app-not-found).")
    private String agent;

    @Option(names = "--path-prefix", paramLabel = "PATH",
            description = "Prefix every expected route with PATH (context path + servlet path).")
    private String pathPrefix;

    @Mixin
    private ProbeOptions probeOptions;

    @Mixin
    private ReadyWaitOption readyWait;

    @Mixin
    private IgnoreOptions ignoreOptions;

    @Mixin
    private ProfileOption profile;

    @Option(names = "--json", description = "Print JSON (" + ProbeReportPrinter.JSON_FORMAT + ").")
    private boolean json;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        ProbeSettings settings = probeOptions.settings(spec.commandLine());
        ignoreOptions.rules(spec.commandLine(), ServicePaths.DEFAULT); // a bad rule is a usage error before any read
        URI base = Prober.baseUri(baseUrl);
        if (expected == null && agent == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --expected, --agent or both");
        }
        ObservedRoutes observed = agent == null ? null : ReadyWait.scrape(new AgentScraper(settings.timeout()),
                AgentScraper.metricsUri(agent), readyWait.duration(), err);
        if (observed != null && observed.coverage().starting()) {
            // routes probed while the application registers them would read as absent: no answer yet
            out.println(ReadyWait.notReadyLine(observed, readyWait.duration()));
            out.flush();
            return ExitCodes.CANNOT_TELL;
        }
        if (observed != null) {
            // a 404 is explained with the agent's list only when that list is complete
            observed.coverage().blindSpots().forEach(line -> err.println("runtruth: not seen by the agent (404s are not"
                    + " explained with its route list): " + line));
        }
        List<Route> routes;
        ServicePaths paths = ServicePaths.DEFAULT.under(pathPrefix);
        if (expected != null) {
            ExpectedRoutes loaded = ExpectedSource.load(expected, profile.profiles()).routes()
                    .withPathPrefix(pathPrefix);
            warn(err, loaded.warnings());
            loaded.notes().forEach(n -> err.println("runtruth: note: " + n));
            routes = loaded.routes();
            paths = loaded.paths();
        } else {
            routes = observed.routes();
        }
        List<Route> probed = Prober.notIgnored(routes, ignoreOptions.rules(spec.commandLine(), paths));
        int ignored = routes.size() - probed.size();
        if (probed.isEmpty()) {
            // nothing was asked: an empty report would read as "every route answers"
            out.println("CANNOT TELL: no route to probe: " + (routes.isEmpty() ? (expected != null ? expected
                    + " declares no route Runtruth can read (routes from libraries or built in code are not read;"
                    + " probe the agent's routes instead: drop --expected)" : "the agent reports no route")
                    : "every route is under an ignore rule (" + ignored + ")"));
            out.flush();
            return ExitCodes.CANNOT_TELL;
        }
        List<ProbeResult> results;
        try {
            results = new Prober(settings, paths).probe(base, probed,
                    observed == null ? null : observed.completeRoutes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(baseUrl, "interrupted", e);
        }
        if (json) {
            ProbeReportPrinter.printJson(base, results, ignored, out);
        } else {
            ProbeReportPrinter.print(base, results, ignored, out);
        }
        return results.stream().anyMatch(r -> r.outcome().isProblem()) ? ExitCodes.DRIFT : ExitCodes.OK;
    }
}
