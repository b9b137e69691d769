package dev.runtruth.collector.demo;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.drift.CommitComparison;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.DriftReportPrinter;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.BytecodeRouteScanner;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runtruth demo}: replays the stale-deployment incident with real JVMs. Two commits of the sample service are
 * built; the old build is deployed with the agent attached by one {@code -javaagent} flag; {@code check} compares it
 * with the new commit's build output and finds the drift; the service is recreated from the new build and
 * {@code check} finds none. Every process the demo starts is ended before it returns.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
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
        ExpectedRoutes expected = new BytecodeRouteScanner().scan(newJar);

        DriftReport stale;
        step(out, 3, "Deploy", "the OLD build, with the agent attached by one JVM flag:");
        try (ServiceProcess service = ServiceProcess.start(agentJar, oldJar, work.resolve("service-old.log"))) {
            out.println(INDENT + service.agentFlag());
            stale = deployAndCheck(service, expected, root, out);
        }
        step(out, 5, "Fix", "the boring fix: rebuild and recreate. The service restarts from the NEW build.");
        DriftReport fixed;
        try (ServiceProcess service = ServiceProcess.start(agentJar, newJar, work.resolve("service-new.log"))) {
            fixed = deployAndCheck(service, expected, root, out);
        }
        out.println("All processes the demo started have ended. Logs: " + show(root, work));
        out.println();
        String problem = problem(stale, fixed, newCommit);
        if (problem != null) {
            out.println("The demo did NOT run as designed: " + problem);
            return ExitCodes.DRIFT;
        }
        out.println("The demo ran as designed: the stale deployment misses " + stale.missing().size()
                + " routes and runs commit " + shortId(oldCommit) + " where " + shortId(newCommit)
                + " is expected; after the fix there is no drift.");
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
