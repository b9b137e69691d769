package dev.runtruth.collector.ladder;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.attach.LiveAgent;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ReadyWaitOption;
import dev.runtruth.collector.cli.IgnoreOptions;
import dev.runtruth.collector.cli.ProfileOption;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.observed.ReadyWait;
import dev.runtruth.collector.probe.ProbeOptions;
import dev.runtruth.collector.probe.ProbeSettings;
import dev.runtruth.collector.probe.Prober;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runtruth ladder}: where did the feature stop, source, artifact, runtime, route or auth? */
@Command(name = "ladder",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Walks the ladder for one service and stops at the first broken rung with a plain-language diagnosis:",
            "  source    HEAD of --repo and its build output --expected (same commit? routes?)",
            "  artifact  --artifact: jar, war or container image tar (docker save, Jib buildTar, OCI layout); the"
                    + " routes it declares vs the source's",
            "  runtime   --agent, or --pid to attach the agent to the live process: the routes the running process"
                    + " serves vs the artifact's (or source's)",
            "  route     --base-url: one safe request per route (GET, HEAD, OPTIONS only; see 'runtruth probe'):"
                    + " 404 absent, 401/403 protected, 405, unreachable; a 500 is present-failing (the route"
                    + " exists: a warning, not a break); routes an ignore rule matches are not requested",
            "  auth      the routes that answered 401/403, again with --header credentials",
            "A rung whose input is not given is skipped."},
        footer = IgnoreOptions.FOOTER
                + "%nExit codes:%n  0  no rung is broken (skipped rungs and warnings allowed)%n"
                + "  1  a rung is broken: the last line says which and what to do; a commit that%n"
                + "     differs between two rungs is broken (drift), as in check%n"
                + "  2  usage or input error: a missing or corrupt --expected/--artifact, --repo not a git%n"
                + "     checkout, a malformed URL, a --header that cannot be read%n"
                + "  3  internal error (a bug: rerun with --verbose)%n")
public final class LadderCommand extends RuntruthCommand {

    @Option(names = "--repo", paramLabel = "DIR", description = "A git checkout: its HEAD is the source commit.")
    private Path repo;

    @Option(names = "--expected", paramLabel = "PATH",
            description = "The source's build output (classes directory, jar, war) or manifest: its routes.")
    private Path expected;

    @Option(names = "--artifact", paramLabel = "PATH",
            description = "The artifact to deploy: jar, war, or container image tar (docker-archive or OCI layout).")
    private Path artifact;

    @Option(names = "--agent", paramLabel = "URL", description = "The running process's agent, http://host:port.")
    private String agent;

    @Option(names = "--pid", paramLabel = "PID",
            description = "Instead of --agent: the process id of the running JVM, on this machine. The agent"
                    + " (--agent-jar) is loaded into it as 'runtruth attach' does (endpoint on 127.0.0.1, no restart),"
                    + " or the agent already there is read.")
    private Long pid;

    @Option(names = "--agent-jar", paramLabel = "JAR",
            description = "With --pid: the agent jar to load, e.g. agent/target/runtruth-agent.jar.")
    private Path agentJar;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The service as its clients reach it, e.g. http://localhost:8080.")
    private String baseUrl;

    @Option(names = "--path-prefix", paramLabel = "PATH",
            description = "Prefix declared routes with PATH (context path + servlet path).")
    private String pathPrefix;

    @Mixin
    private IgnoreOptions ignoreOptions;

    @Mixin
    private ProfileOption profile;
    @Mixin
    private ProbeOptions probeOptions;

    @Mixin
    private ReadyWaitOption readyWait;

    @Option(names = "--all", description = "Walk every rung, also above a broken one.")
    private boolean all;

    @Option(names = "--json", description = "Print JSON (" + LadderPrinter.JSON_FORMAT + ").")
    private boolean json;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        ProbeSettings settings = probeOptions.settings(spec.commandLine());
        if (agent != null && pid != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --agent or --pid, not both");
        }
        if (pid == null && agentJar != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agent-jar goes with --pid");
        }
        ignoreOptions.rules(spec.commandLine(), ServicePaths.DEFAULT); // a bad rule is a usage error before any read
        if (repo == null && expected == null && artifact == null && agent == null && pid == null
                && baseUrl == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give at least one of --repo, --expected, --artifact, --agent (or --pid), --base-url");
        }
        URI agentUri = agent == null ? attached(err) : AgentScraper.metricsUri(agent);
        if (agentUri != null) {
            ObservedRoutes ready = waitForStart(agentUri, settings, err);
            if (ready != null && ready.coverage().starting()) {
                // every rung above the runtime one would read routes still being registered as absent
                out.println(ReadyWait.notReadyLine(ready, readyWait.duration()));
                out.flush();
                return ExitCodes.CANNOT_TELL;
            }
        }
        LadderInputs inputs = new LadderInputs(repo, expected, artifact, agentUri,
                baseUrl == null ? null : Prober.baseUri(baseUrl), pathPrefix, settings, all,
                paths -> ignoreOptions.rules(spec.commandLine(), paths), profile.profiles());
        LadderReport report;
        try {
            report = Ladder.walk(inputs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("ladder", "interrupted", e);
        }
        if (json) {
            LadderPrinter.printJson(report, out);
        } else {
            LadderPrinter.print(report, out);
        }
        if (report.firstBroken().isPresent()) {
            return ExitCodes.DRIFT;
        }
        return report.rungs().stream().anyMatch(r -> r.status() == RungStatus.UNKNOWN) ? ExitCodes.CANNOT_TELL
                : ExitCodes.OK;
    }

    /**
     * {@code --pid}: the agent in the live process, loaded now or already there (the shared attach of {@code runtruth
     * attach}).
     *
     * @return its metrics URL; {@code null} without {@code --pid}
     */
    private URI attached(PrintWriter err) throws InputException {
        if (pid == null) {
            return null;
        }
        if (agentJar == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pid needs --agent-jar, the agent jar to load (e.g. agent/target/runtruth-agent.jar)");
        }
        LiveAgent.Attached live = LiveAgent.attach(pid, agentJar, 0, Duration.ofSeconds(ReadyWait.DEFAULT_SECONDS),
                err);
        err.println("runtruth: the agent serves " + live.metrics() + " until process " + pid + " exits");
        err.flush();
        return live.metrics();
    }

    /** @return the agent's answer once it is not starting or the wait is over; null when it cannot be read (the runtime rung says so) */
    private ObservedRoutes waitForStart(URI agentUri, ProbeSettings settings, PrintWriter err) {
        try {
            return ReadyWait.scrape(new AgentScraper(settings.timeout()), agentUri, readyWait.duration(), err);
        } catch (InputException e) {
            return null;
        }
    }
}
