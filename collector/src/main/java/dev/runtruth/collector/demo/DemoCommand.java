package dev.runtruth.collector.demo;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.RuntruthCli;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.drift.CommitComparison;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.DriftReportPrinter;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.BytecodeRouteScanner;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.ladder.Ladder;
import dev.runtruth.collector.ladder.LadderInputs;
import dev.runtruth.collector.ladder.LadderPrinter;
import dev.runtruth.collector.ladder.LadderReport;
import dev.runtruth.collector.ladder.Rung;
import dev.runtruth.collector.ladder.RungStatus;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.probe.ProbeSettings;
import dev.runtruth.collector.probe.SecretHeader;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runtruth demo}: replays the stale-deployment incident with real JVMs. Two commits of the sample service are
 * built; the old build is deployed with the agent attached by one {@code -javaagent} flag; {@code check} compares it
 * with the new commit's build output and finds the drift; the service is recreated from the new build and
 * {@code check} finds none. After each check, {@code runtruth ladder} walks source, artifact, runtime, route and auth
 * for that deployment: the stale one breaks at the runtime rung and its feature route answers 404; the fixed one holds,
 * the route answering 401 without credentials (Spring Security) and 200 with the sample's demo user. Every process
 * the demo starts is ended before it returns.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = RuntruthCli.ManifestVersion.class,
        description = {
            "Replays a stale deployment with real JVMs and catches it: builds two commits of the sample back-office"
                    + " service (the new one adds GET " + DemoCommand.FEATURE + "), runs the OLD build with the"
                    + " agent, checks it against the NEW build output (drift), then recreates the service from the"
                    + " new build and checks again (no drift).",
            "Needs git and a Runtruth checkout (the ./runtruth launcher passes its location). Builds are cached"
                    + " under the work directory and reused while the sample's sources are unchanged."},
        footer = "%nExit codes:%n  0  the demo ran as designed%n  1  it ran, but did not show what it should%n"
                + "  2  it could not run (no git, build failure, the service did not start)%n")
public final class DemoCommand extends RuntruthCommand {

    /** The route the old build lacks. */
    static final String FEATURE = "/api/v1/workflows/steps/definitions";

    private static final String INDENT = "              ";

    /** Path variable placeholders for the ladder's probes: ids the sample seeds, so its lookups answer 200. */
    private static final Map<String, String> SAMPLE_IDS = Map.of("customerId", "c-1", "orderId", "o-1");

    @Option(names = "--home", paramLabel = "DIR",
            description = "The Runtruth checkout (default: $RUNTRUTH_HOME, else the current directory).")
    private Path home;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Scratch directory for the sample's git repository, builds and logs"
                    + " (default: <home>/.runtruth/demo).")
    private Path workDir;

    @Option(names = "--rebuild", description = "Rebuild the sample even when a build of the same commit exists.")
    private boolean rebuild;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        Path root = (home != null ? home : Path.of(System.getenv().getOrDefault("RUNTRUTH_HOME", "."))).toAbsolutePath()
                .normalize();
        Path agentJar = root.resolve("agent/target/runtruth-agent.jar");
        require(root.resolve("samples/backoffice/pom.xml"), "not a Runtruth checkout (no samples/backoffice)");
        require(root.resolve("mvnw"), "not a Runtruth checkout (no Maven wrapper)");
        require(agentJar, "the agent jar is missing: build it with ./mvnw package (./runtruth does it for you)");
        Path work = (workDir != null ? workDir : root.resolve(".runtruth/demo")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(work);
            return run(root, agentJar, work, out);
        } catch (DemoException e) {
            err.println("runtruth: demo: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        } catch (IOException e) {
            throw new InputException(work.toString(), "demo failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("runtruth: demo: interrupted");
            return ExitCodes.INPUT_ERROR;
        }
    }

    private int run(Path root, Path agentJar, Path work, PrintWriter out)
            throws IOException, InterruptedException, InputException {
        out.println("Runtruth demo: a stale deployment of the back-office service, caught end to end.");
        out.println();
        SampleBuilds samples = new SampleBuilds(root, work, new Processes());
        step(out, 1, "Source", "two commits of samples/backoffice, in a scratch git repository at "
                + show(root, samples.repository()));
        List<String> commits = samples.commits();
        String oldCommit = commits.get(0);
        String newCommit = commits.get(1);
        out.println(INDENT + shortId(oldCommit) + "  old: customers and orders");
        out.println(INDENT + shortId(newCommit) + "  new: adds the workflow module (GET " + FEATURE + ")");
        step(out, 2, "Build", "./mvnw package at each commit (git-commit-id records the commit in the jar)");
        for (String commit : commits) {
            if (rebuild) {
                Files.deleteIfExists(samples.jar(commit));
            }
            double seconds = samples.build(commit, line -> {
                out.println(INDENT + line);
                out.flush();
            });
            out.println(INDENT + (commit.equals(oldCommit) ? "old" : "new") + " build: "
                    + show(root, samples.jar(commit)) + (seconds < 0 ? "  (reused: built earlier from this commit)"
                    : String.format("  (built in %.1f s)", seconds)));
        }
        Path oldJar = samples.jar(oldCommit);
        Path newJar = samples.jar(newCommit);
        samples.checkout(newCommit); // the source is the new commit: the ladder's source rung reads HEAD
        ExpectedRoutes expected = new BytecodeRouteScanner().scan(newJar);
        SecretHeader demoUser = demoUser(root);

        DriftReport stale;
        LadderReport staleLadder;
        int staleStatus;
        step(out, 3, "Deploy", "the OLD build, with the agent attached by one JVM flag:");
        try (ServiceProcess service = ServiceProcess.start(agentJar, oldJar, work.resolve("service-old.log"))) {
            out.println(INDENT + service.agentFlag());
            stale = deployAndCheck(service, expected, root, out);
            staleStatus = ServiceProcess.status(service.baseUrl() + FEATURE);
            staleLadder = ladder(service, samples.repository(), newJar, null, true, root, out);
        }
        step(out, 5, "Fix", "the boring fix: rebuild and recreate. The service restarts from the NEW build.");
        DriftReport fixed;
        LadderReport fixedLadder;
        int fixedStatus;
        try (ServiceProcess service = ServiceProcess.start(agentJar, newJar, work.resolve("service-new.log"))) {
            fixed = deployAndCheck(service, expected, root, out);
            fixedStatus = ServiceProcess.status(service.baseUrl() + FEATURE);
            fixedLadder = ladder(service, samples.repository(), newJar, demoUser, false, root, out);
        }
        out.println("All processes the demo started have ended. Logs: " + show(root, work));
        out.println();
        String problem = problem(stale, fixed, newCommit);
        if (problem == null) {
            problem = ladderProblem(staleLadder, staleStatus, fixedLadder, fixedStatus);
        }
        if (problem != null) {
            out.println("The demo did NOT run as designed: " + problem);
            return ExitCodes.DRIFT;
        }
        out.println("The demo ran as designed: the stale deployment misses " + stale.missing().size()
                + " routes and runs commit " + shortId(oldCommit) + " where " + shortId(newCommit)
                + " is expected; after the fix there is no drift.");
        out.println("The ladder: the stale deployment breaks at the runtime rung; GET " + FEATURE + " answered "
                + staleStatus + " before the fix and " + fixedStatus + " after it. A 404 that turns into a 401 proves"
                + " the route now exists, behind authentication; with the demo user it answers 200.");
        return ExitCodes.OK;
    }

    private DriftReport deployAndCheck(ServiceProcess service, ExpectedRoutes expected, Path root, PrintWriter out)
            throws IOException, InterruptedException, InputException {
        double seconds = service.awaitReady();
        out.println(INDENT + String.format("service %s, agent %s (ready in %.1f s)", service.baseUrl(),
                service.metricsUrl(), seconds));
        int status = ServiceProcess.status(service.baseUrl() + FEATURE);
        out.println(INDENT + "GET " + service.baseUrl() + FEATURE + " -> " + status);
        boolean first = !expected.routes().isEmpty() && status == 404;
        step(out, first ? 4 : 6, "Check", "runtruth check --expected " + show(root, Path.of(expected.source()))
                + " --agent " + service.metricsUrl());
        ObservedRoutes observed = new AgentScraper().scrape(URI.create(service.metricsUrl()));
        DriftReport report = DriftComparator.compare(expected, observed, IgnoreRules.defaults());
        StringWriter text = new StringWriter();
        DriftReportPrinter.print(report, new PrintWriter(text));
        text.toString().lines().forEach(line -> out.println(INDENT + line));
        out.println();
        out.flush();
        return report;
    }

    /**
     * Walks the ladder for one deployment and prints it: the scratch repository's HEAD and the new build as source, the
     * new build as the artifact to deploy, the running service's agent and URL.
     *
     * @param credentials the auth rung's header, or {@code null} to leave that rung without credentials
     * @param walkAll     walk the rungs above a broken one too (to show the route rung's 404 on the stale deployment)
     */
    private static LadderReport ladder(ServiceProcess service, Path repo, Path build, SecretHeader credentials,
                                       boolean walkAll, Path root, PrintWriter out)
            throws InputException, InterruptedException {
        out.println(INDENT + "runtruth ladder" + (walkAll ? " --all" : "") + " --repo " + show(root, repo)
                + " --expected " + show(root, build) + " --artifact " + show(root, build));
        out.println(INDENT + "    " + SAMPLE_IDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "--path-var " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        out.println(INDENT + "    --agent " + service.metricsUrl() + " --base-url " + service.baseUrl()
                + (credentials == null ? "" : " --header " + credentials.name() + "=<the demo user of the sample's"
                + " application.properties>"));
        // placeholders the sample knows (its seeded customer and order), so those routes answer 200, not 404
        ProbeSettings defaults = ProbeSettings.defaults();
        ProbeSettings probe = new ProbeSettings(defaults.concurrency(), defaults.ratePerSecond(), defaults.timeout(),
                defaults.unsafeRoutes(), SAMPLE_IDS, credentials == null ? List.of() : List.of(credentials));
        LadderReport report = Ladder.walk(new LadderInputs(repo, build, build, URI.create(service.metricsUrl()),
                URI.create(service.baseUrl()), null, probe, walkAll));
        StringWriter text = new StringWriter();
        LadderPrinter.print(report, new PrintWriter(text));
        text.toString().lines().forEach(line -> out.println(INDENT + line));
        out.println();
        out.flush();
        return report;
    }

    /** @return the sample's demo user ({@code spring.security.user.*}) as an HTTP basic {@code Authorization} header */
    private static SecretHeader demoUser(Path root) throws IOException, InputException {
        Path file = root.resolve("samples/backoffice/src/main/resources/application.properties");
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            config.load(in);
        }
        String user = config.getProperty("spring.security.user.name");
        String password = config.getProperty("spring.security.user.password");
        if (user == null || password == null) {
            throw new InputException(file.toString(), "no spring.security.user.name and .password: the sample's"
                    + " demo user is missing");
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return SecretHeader.of("Authorization", "Basic " + basic, "the sample's application.properties");
    }

    /** @return what the ladder should have shown and did not, or {@code null} */
    private static String ladderProblem(LadderReport stale, int staleStatus, LadderReport fixed, int fixedStatus) {
        if (stale.firstBroken().map(r -> r.rung() != Rung.RUNTIME).orElse(true)) {
            return "the stale deployment's ladder did not break at the runtime rung";
        }
        if (staleStatus != 404 || fixedStatus != 401) {
            return "GET " + FEATURE + " answered " + staleStatus + " then " + fixedStatus + ", not 404 then 401";
        }
        if (fixed.firstBroken().isPresent() || fixed.get(Rung.AUTH).status() != RungStatus.OK) {
            return "the fixed deployment's ladder does not hold up to the auth rung";
        }
        return null;
    }

    /** @return what the demo should have shown and did not, or {@code null} when it ran as designed */
    private static String problem(DriftReport stale, DriftReport fixed, String newCommit) {
        if (stale.missing().stream().noneMatch(r -> r.equals(Route.of("GET", FEATURE, "", "")))) {
            return "the stale deployment did not miss GET " + FEATURE;
        }
        if (stale.commit() != CommitComparison.DIFFERENT) {
            return "the stale deployment's commit was not reported as different from " + shortId(newCommit);
        }
        if (fixed.hasDrift()) {
            return "the fixed deployment still shows drift";
        }
        return null;
    }

    private static void step(PrintWriter out, int n, String name, String text) {
        out.println(String.format("[%d/6] %-7s %s", n, name, text));
        out.flush();
    }

    private static void require(Path path, String problem) throws InputException {
        if (!Files.exists(path)) {
            throw new InputException(path.toString(), problem);
        }
    }

    private static String show(Path root, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    private static String shortId(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
