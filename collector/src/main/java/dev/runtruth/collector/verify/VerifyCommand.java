package dev.runtruth.collector.verify;

import dev.runtruth.collector.Durations;
import dev.runtruth.collector.HttpUrls;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.IgnoreOptions;
import dev.runtruth.collector.cli.ProfileOption;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSources;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.ladder.Ladder;
import dev.runtruth.collector.ladder.LadderInputs;
import dev.runtruth.collector.ladder.LadderPrinter;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.probe.ProbeSettings;
import dev.runtruth.collector.probe.Prober;
import dev.runtruth.collector.serve.PrometheusApiSource;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code runtruth verify}: the deployment gate. Polls every instance of a service until each runs the expected commit
 * and serves every expected route (the rules of {@code check}), or until the timeout; prints one progress line per
 * poll and a final report.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Holds a rollout until every instance of a service runs the expected commit and serves every route the"
                    + " build declares, as 'check' compares one instance; run it after 'kubectl rollout status' or"
                    + " 'docker compose up -d'.",
            "The instances: repeated --agent URLs, a Prometheus server's scrape targets of the service"
                    + " (--prometheus with --service, the job label, or --selector), or the A/AAAA records of a DNS"
                    + " name (a Kubernetes headless Service) with --agent-port, resolved again on every poll.",
            "Prints one progress line per poll (instances on the expected commit / total, converged ones, routes"
                    + " still missing and on how many instances), then a report naming every instance, its commit"
                    + " and the routes it lacks."},
        footer = IgnoreOptions.FOOTER + "%nExit codes:%n"
                + "  0  converged: at least --min-instances instances, every one on the expected commit,%n"
                + "     serving every expected route, nothing unexpected, nothing unseen%n"
                + "  1  timed out with drift: an instance on another commit, lacking a route or serving%n"
                + "     an unexpected one (the report names them; with --base-url, the ladder's diagnosis)%n"
                + "  2  usage or input error: no or several instance selectors, a bad path, URL or%n"
                + "     duration, Prometheus unreachable or not answering its API at the first poll%n"
                + "  3  internal error (a bug: rerun with --verbose)%n"
                + "  4  cannot tell: timed out without certain drift, but instances could not be read%n"
                + "     (unreachable agent, an answer that is not Prometheus text, up == 0), an agent%n"
                + "     could not see everything, or fewer than --min-instances instances were found%n"
                + "     (zero instances is never success)%n")
public final class VerifyCommand extends RuntruthCommand {

    /** The DNS resolver; tests replace it. */
    static DnsInstances.Resolver resolver = InetAddress::getAllByName;

    @Option(names = "--expected", required = true, paramLabel = "PATH",
            description = "The build being rolled out, as 'check' takes it: build output (classes directory, jar,"
                    + " fat jar, war), a manifest, or an OpenAPI/Swagger document. Repeatable.")
    private List<Path> expected = new ArrayList<>();

    @Mixin
    private ProfileOption profile;

    @Option(names = "--agent", paramLabel = "URL",
            description = "An instance's agent, http://host:port or http://host:port/metrics. Repeat once per"
                    + " instance.")
    private List<String> agents = new ArrayList<>();

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "A Prometheus server that scrapes the agents, e.g. http://prometheus:9090; with --service or"
                    + " --selector.")
    private String prometheus;

    @Option(names = "--service", paramLabel = "NAME",
            description = "With --prometheus: the service's name, which is the job label of its agents' scrape"
                    + " targets (docs/prometheus.md); the same as --selector '{job=\"NAME\"}'.")
    private String service;

    @Option(names = "--selector", paramLabel = "MATCHERS",
            description = "With --prometheus: PromQL label matchers in braces selecting the service's agents, e.g."
                    + " '{job=\"billing-api\", namespace=\"prod\"}'.")
    private String selector;

    @Option(names = "--dns", paramLabel = "NAME",
            description = "A DNS name whose A/AAAA records are the instances (a Kubernetes headless Service), with"
                    + " --agent-port; resolved again on every poll.")
    private String dns;

    @Option(names = "--agent-port", paramLabel = "N", description = "With --dns: the port every agent listens on.")
    private Integer agentPort;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for every instance to converge, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    private String timeout;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between two polls (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Connect and response timeout of one agent or Prometheus request (default:"
                    + " ${DEFAULT-VALUE}).")
    private String requestTimeout;

    @Option(names = "--min-instances", paramLabel = "N", defaultValue = "1",
            description = "Fewest instances that may converge; fewer is never success (default: ${DEFAULT-VALUE}).")
    private int minInstances;

    @Option(names = "--path-prefix", paramLabel = "PATH",
            description = "Prefix every expected route with PATH (context path + servlet path), as for 'check'.")
    private String pathPrefix;

    @Mixin
    private IgnoreOptions ignoreOptions;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The service as its clients reach it (the load balancer): on drift, the ladder is walked"
                    + " for the first drifting instance and its diagnosis printed ('runtruth ladder').")
    private String baseUrl;

    @Option(names = "--json", description = "Print the final report as JSON (" + VerifyPrinter.JSON_FORMAT
            + ") on stdout; the progress lines go to stderr.")
    private boolean json;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        CommandLine cl = spec.commandLine();
        ignoreOptions.rules(cl, ServicePaths.DEFAULT); // a bad rule is a usage error before any read
        Duration wait = duration(cl, "--timeout", timeout);
        Duration every = duration(cl, "--interval", interval);
        Duration request = duration(cl, "--request-timeout", requestTimeout);
        if (minInstances < 1) {
            throw new CommandLine.ParameterException(cl, "--min-instances must be at least 1: zero instances is"
                    + " never success");
        }
        URI base = baseUrl == null ? null : Prober.baseUri(baseUrl);
        if (dns != null) {
            // every poll must see the records as they are now, not the JVM's cached answer (30 s by default); read
            // once by the JDK at its first lookup, so set before anything resolves a name
            Security.setProperty("networkaddress.cache.ttl", "0");
            Security.setProperty("networkaddress.cache.negative.ttl", "0");
        }
        InstanceSource source = source(cl, new AgentScraper(request), request);
        ExpectedSources sources = ExpectedSources.load(expected, profile.profiles());
        ExpectedRoutes expectedRoutes = sources.combined().withPathPrefix(pathPrefix);
        warn(err, expectedRoutes.warnings());
        expectedRoutes.notes().forEach(n -> err.println("runtruth: note: " + n));
        // the default rules follow the build's context path and actuator base path, as in check
        IgnoreRules rules = ignoreOptions.rules(cl, expectedRoutes.paths());
        PrintWriter progress = json ? err : out;
        progress.println("verify: " + expectedRoutes.source() + " (" + expectedRoutes.build().describe() + ", "
                + expectedRoutes.routes().size() + " routes) on " + source.describe() + "; timeout "
                + wait.toSeconds() + " s, every " + every.toMillis() + " ms, at least " + minInstances
                + " instance" + (minInstances == 1 ? "" : "s"));
        progress.flush();
        Verifier verifier = new Verifier(source, new DriftComparator(expectedRoutes, rules), expectedRoutes,
                minInstances, wait, every);
        Verifier.Outcome outcome;
        try {
            outcome = verifier.run((status, elapsed) -> {
                progress.println(VerifyPrinter.progress(status, elapsed));
                progress.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("verify", "interrupted", e);
        }
        VerifyPrinter.Result result = VerifyPrinter.result(outcome, wait);
        String ladder = result.exitCode() == ExitCodes.DRIFT && base != null
                ? ladder(outcome.last(), base) : null;
        if (json) {
            VerifyPrinter.printJson(source, outcome, ladder, result, out);
        } else {
            VerifyPrinter.print(source, outcome.last(), ladder, result, out);
        }
        return result.exitCode();
    }

    /** @return the one instance source the options name; a usage error for none or several */
    private InstanceSource source(CommandLine cl, AgentScraper scraper, Duration request) throws InputException {
        int given = (agents.isEmpty() ? 0 : 1) + (prometheus == null ? 0 : 1) + (dns == null ? 0 : 1);
        if (given != 1) {
            throw new CommandLine.ParameterException(cl, (given == 0 ? "no instances selected" : "several instance"
                    + " selectors") + ": give exactly one of --agent URL..., --prometheus URL --service NAME,"
                    + " --dns NAME --agent-port N");
        }
        if (prometheus == null && (service != null || selector != null)) {
            throw new CommandLine.ParameterException(cl, "--service and --selector apply only with --prometheus");
        }
        if (dns == null && agentPort != null) {
            throw new CommandLine.ParameterException(cl, "--agent-port applies only with --dns");
        }
        if (!agents.isEmpty()) {
            List<URI> uris = new ArrayList<>();
            for (String agent : agents) {
                uris.add(AgentScraper.metricsUri(agent));
            }
            return new AgentUrlInstances(uris, scraper);
        }
        if (prometheus != null) {
            return prometheus(cl, request);
        }
        if (agentPort == null || agentPort < 1 || agentPort > 65535) {
            throw new CommandLine.ParameterException(cl, "--dns needs --agent-port N, a port from 1 to 65535");
        }
        if (dns.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--dns: the name is empty");
        }
        return new DnsInstances(dns.trim(), agentPort, resolver, scraper);
    }

    private InstanceSource prometheus(CommandLine cl, Duration request) throws InputException {
        if ((service == null) == (selector == null)) {
            throw new CommandLine.ParameterException(cl, "--prometheus needs exactly one of --service NAME and"
                    + " --selector MATCHERS");
        }
        String matchers;
        if (service != null) {
            if (service.isBlank()) {
                throw new CommandLine.ParameterException(cl, "--service: the name is empty");
            }
            matchers = PrometheusApiSource.jobSelector(service.trim());
        } else {
            matchers = selector.trim();
            if (!matchers.matches("(?s)\\{.*\\S.*}")) {
                throw new CommandLine.ParameterException(cl, "--selector '" + selector + "' is not PromQL label"
                        + " matchers in braces, e.g. {job=\"billing-api\"}");
            }
        }
        URI server = HttpUrls.parse(prometheus.replaceAll("/+$", ""), "http://prometheus:9090");
        return new PrometheusInstances(new PrometheusApiSource(server, matchers, request),
                "Prometheus " + server + " " + matchers);
    }

    /** @return the ladder's verdict line for the first drifting instance whose agent is known, or why there is none */
    private String ladder(FleetStatus status, URI base) {
        InstanceStatus first = status.instances().stream()
                .filter(i -> i.state() == InstanceStatus.State.DRIFT && i.agent() != null).findFirst().orElse(null);
        if (first == null) {
            return "ladder: not walked: no drifting instance with a known agent URL";
        }
        LadderInputs inputs = new LadderInputs(null, expected.get(0), null, first.agent(), base, pathPrefix,
                ProbeSettings.defaults(), false);
        String label = "ladder for " + first.name() + " (--expected " + expected.get(0) + ", --base-url " + base
                + "): ";
        try {
            return label + LadderPrinter.verdict(Ladder.walk(inputs));
        } catch (InputException e) {
            return label + "not walked: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return label + "interrupted";
        }
    }

    private static Duration duration(CommandLine cl, String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, option + ": " + e.getMessage());
        }
    }
}
