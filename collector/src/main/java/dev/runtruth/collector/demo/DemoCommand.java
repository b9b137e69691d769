package dev.runtruth.collector.demo;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import picocli.CommandLine;
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
 *
 * <p>{@code check} and {@code ladder} are the real subcommands: each {@code $ runtruth ...} line the demo prints is
 * executed as printed (paths shown relative to the checkout, where {@code ./runtruth} runs) by a fresh picocli
 * command line of the top-level {@code runtruth} command (the root of this one), so its output, warnings, notes and exit code are the ones a user gets; the
 * demo judges its run from those exit codes and lines. The demo needs a source checkout (the sample's sources, the
 * Maven wrapper, the built agent): {@link #hideUnlessCheckout} leaves it out of {@code runtruth --help} elsewhere,
 * and run there it says so in one line and exits 2.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Replays a stale deployment with real JVMs and catches it: builds two commits of the sample back-office"
                    + " service (the new one adds GET " + DemoCommand.FEATURE + "), runs the OLD build with the"
                    + " agent, checks it against the NEW build output (drift), then recreates the service from the"
                    + " new build and checks again (no drift).",
            "Only in a Runtruth source checkout (git clone, then ./runtruth demo; the launcher passes its location):"
                    + " it builds the sample from its sources. From a released jar it prints that and exits 2. Needs"
                    + " git. Builds are cached under the work directory and reused while the sample's sources are"
                    + " unchanged.",
            "The check and ladder lines it prints ($ runtruth ...) are run as printed, by the same commands."},
        footer = "%nExit codes:%n  0  the demo ran as designed%n  1  it ran, but did not show what it should%n"
                + "  2  it could not run (not a source checkout, no git, build failure, the service did not start,"
                + " a command it ran could not)%n")
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
        Path root = (home != null ? home : defaultHome()).toAbsolutePath().normalize();
        if (!isCheckout(root)) {
            err.println("runtruth: demo: needs a Runtruth source checkout (it builds the sample service from its"
                    + " sources): " + root + " has no samples/backoffice/pom.xml and mvnw; clone the repository and"
                    + " run ./runtruth demo there, or give --home");
            return ExitCodes.INPUT_ERROR;
        }
        Path agentJar = root.resolve("agent/target/runtruth-agent.jar");
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

    /** @return {@code $RUNTRUTH_HOME} (set by the {@code ./runtruth} launcher), else the current directory */
    static Path defaultHome() {
        return Path.of(System.getenv().getOrDefault("RUNTRUTH_HOME", "."));
    }

    /** @return whether {@code root} is a Runtruth source checkout the demo can build the sample in */
    static boolean isCheckout(Path root) {
        return Files.isRegularFile(root.resolve("samples/backoffice/pom.xml")) && Files.isRegularFile(
                root.resolve("mvnw"));
    }

    /**
     * Leaves {@code demo} out of the command list of {@code runtruth --help} unless {@link #defaultHome()} is a source
     * checkout: a user of a released jar is not offered a command that cannot work there ({@code runtruth demo} still
     * answers, with the reason and exit code 2).
     *
     * @param cli the top-level command line
     */
    public static void hideUnlessCheckout(CommandLine cli) {
        CommandLine demo = cli.getSubcommands().get("demo");
        if (demo != null && !isCheckout(defaultHome().toAbsolutePath().normalize())) {
            demo.getCommandSpec().usageMessage().hidden(true);
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
        Path demoUser = demoUserHeader(root, work);

        Outcome stale = new Outcome();
        step(out, 3, "Deploy", "the OLD build, with the agent attached by one JVM flag:");
        try (ServiceProcess service = ServiceProcess.start(agentJar, oldJar, work.resolve("service-old.log"))) {
            out.println(INDENT + service.agentFlag());
            deploy(service, out);
            stale.status = ServiceProcess.status(service.baseUrl() + FEATURE);
            step(out, 4, "Check", "the NEW commit's build output against the running service:");
            stale.check = runtruth(root, out, "check", "--expected", show(root, newJar), "--agent",
                    service.metricsUrl());
            stale.ladder = runtruth(root, out, ladderArgs(root, service, samples.repository(), newJar, null, true));
        }
        step(out, 5, "Fix", "the boring fix: rebuild and recreate. The service restarts from the NEW build.");
        Outcome fixed = new Outcome();
        try (ServiceProcess service = ServiceProcess.start(agentJar, newJar, work.resolve("service-new.log"))) {
            deploy(service, out);
            fixed.status = ServiceProcess.status(service.baseUrl() + FEATURE);
            step(out, 6, "Check", "the same build output against the recreated service:");
            fixed.check = runtruth(root, out, "check", "--expected", show(root, newJar), "--agent",
                    service.metricsUrl());
            fixed.ladder = runtruth(root, out, ladderArgs(root, service, samples.repository(), newJar, demoUser,
                    false));
        }
        out.println("All processes the demo started have ended. Logs: " + show(root, work));
        out.println();
        String failed = couldNotRun(stale, fixed);
        if (failed != null) {
            out.println("The demo could not run: " + failed);
            return ExitCodes.INPUT_ERROR;
        }
        String problem = problem(stale, fixed, newCommit);
        if (problem != null) {
            out.println("The demo did NOT run as designed: " + problem);
            return ExitCodes.DRIFT;
        }
        out.println("The demo ran as designed: the stale deployment misses GET " + FEATURE + " and runs commit "
                + shortId(oldCommit) + " where " + shortId(newCommit) + " is expected; after the fix there is no"
                + " drift.");
        out.println("The ladder: the stale deployment breaks at the runtime rung; GET " + FEATURE + " answered "
                + stale.status + " before the fix and " + fixed.status + " after it. A 404 that turns into a 401"
                + " proves the route now exists, behind authentication; with the demo user it answers 200.");
        return ExitCodes.OK;
    }

    /** What one deployment showed: the feature route's status and the two commands' results. */
    private static final class Outcome {
        int status;
        Result check;
        Result ladder;
    }

    /** A subcommand's exit code and standard output. */
    private record Result(List<String> args, int exitCode, String stdout) {
    }

    private static void deploy(ServiceProcess service, PrintWriter out) throws IOException, InterruptedException {
        double seconds = service.awaitReady();
        out.println(INDENT + String.format("service %s, agent %s (ready in %.1f s)", service.baseUrl(),
                service.metricsUrl(), seconds));
        int status = ServiceProcess.status(service.baseUrl() + FEATURE);
        out.println(INDENT + "GET " + service.baseUrl() + FEATURE + " -> " + status);
        out.println();
        out.flush();
    }

    /**
     * Prints {@code $ runtruth ARGS} and runs exactly those arguments through a fresh command line of the top-level {@code runtruth} command
     * (relative paths resolve against the checkout), then prints its standard output and error, indented, and its
     * exit code.
     */
    private Result runtruth(Path root, PrintWriter out, String... args) {
        return runtruth(root, out, List.of(args));
    }

    private Result runtruth(Path root, PrintWriter out, List<String> args) {
        out.println(INDENT + "$ runtruth " + String.join(" ", args));
        out.flush();
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            resolved.add(isPathArgument(resolved) ? root.resolve(arg).toString() : arg);
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        // a fresh instance of the top-level command (picocli's factory), so no option of this run leaks into it
        CommandLine cli = new CommandLine(spec.root().userObject().getClass());
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int code = cli.execute(resolved.toArray(String[]::new));
        stdout.toString().lines().forEach(line -> out.println(INDENT + line));
        stderr.toString().lines().forEach(line -> out.println(INDENT + line));
        out.println(INDENT + "(exit code " + code + ")");
        out.println();
        out.flush();
        return new Result(args, code, stdout.toString());
    }

    /** @return whether the next argument is a path: the value of an option that takes one */
    private static boolean isPathArgument(List<String> before) {
        return !before.isEmpty() && List.of("--expected", "--artifact", "--repo").contains(before.get(before.size() - 1));
    }

    /**
     * The ladder for one deployment: the scratch repository's HEAD and the new build as source, the new build as the
     * artifact to deploy, the running service's agent and URL.
     *
     * @param credentials the file holding the auth rung's header value, or {@code null} to leave that rung without
     * @param walkAll     walk the rungs above a broken one too (to show the route rung's 404 on the stale deployment)
     */
    private static List<String> ladderArgs(Path root, ServiceProcess service, Path repo, Path build,
                                           Path credentials, boolean walkAll) {
        List<String> args = new ArrayList<>(List.of("ladder"));
        if (walkAll) {
            args.add("--all");
        }
        args.addAll(List.of("--repo", show(root, repo), "--expected", show(root, build), "--artifact",
                show(root, build)));
        // placeholders the sample knows (its seeded customer and order), so those routes answer 200, not 404
        SAMPLE_IDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> args.addAll(List.of("--path-var", e.getKey() + "=" + e.getValue())));
        args.addAll(List.of("--agent", service.metricsUrl(), "--base-url", service.baseUrl()));
        if (credentials != null) {
            args.addAll(List.of("--header", "Authorization=file:" + credentials));
        }
        return args;
    }

    /**
     * Writes the sample's demo user ({@code spring.security.user.*} of its {@code application.properties}) as an HTTP
     * basic {@code Authorization} value to a file only its owner can read, for {@code --header
     * Authorization=file:PATH}: a secret never goes on a command line.
     *
     * @return the file, absolute: {@code --header NAME=file:PATH} reads it relative to the working directory
     */
    private static Path demoUserHeader(Path root, Path work) throws IOException, InputException {
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
        Path header = work.resolve("demo-user.header");
        Files.deleteIfExists(header);
        Files.createFile(header, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(header, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)) + "\n");
        return header.toAbsolutePath();
    }

    /** @return which command could not run (exit code 2 or 3), or {@code null} */
    private static String couldNotRun(Outcome stale, Outcome fixed) {
        for (Result r : List.of(stale.check, stale.ladder, fixed.check, fixed.ladder)) {
            if (r.exitCode() == ExitCodes.INPUT_ERROR || r.exitCode() == ExitCodes.INTERNAL_ERROR) {
                return "runtruth " + String.join(" ", r.args()) + " exited with " + r.exitCode() + " (above)";
            }
        }
        return null;
    }

    /** @return what the demo should have shown and did not, or {@code null} when it ran as designed */
    private static String problem(Outcome stale, Outcome fixed, String newCommit) {
        if (stale.check.exitCode() != ExitCodes.DRIFT || !hasLine(stale.check, "\\s*MISSING\\s+GET\\s+"
                + Pattern.quote(FEATURE) + "(\\s.*)?")) {
            return "check did not report GET " + FEATURE + " missing from the stale deployment (exit code "
                    + stale.check.exitCode() + ")";
        }
        if (!hasLine(stale.check, "commit: DIFFERENT.*")) {
            return "check did not report the stale deployment's commit as different from " + shortId(newCommit);
        }
        if (fixed.check.exitCode() != ExitCodes.OK) {
            return "check still reports drift on the fixed deployment (exit code " + fixed.check.exitCode() + ")";
        }
        if (stale.ladder.exitCode() != ExitCodes.DRIFT || !hasLine(stale.ladder, "BROKEN AT RUNTIME: .*")) {
            return "the stale deployment's ladder did not break at the runtime rung";
        }
        if (stale.status != 404 || fixed.status != 401) {
            return "GET " + FEATURE + " answered " + stale.status + " then " + fixed.status + ", not 404 then 401";
        }
        if (fixed.ladder.exitCode() != ExitCodes.OK || !hasLine(fixed.ladder, "LADDER HOLDS: no rung is broken")) {
            return "the fixed deployment's ladder does not hold up to the auth rung (exit code "
                    + fixed.ladder.exitCode() + ")";
        }
        return null;
    }

    private static boolean hasLine(Result result, String regex) {
        Pattern line = Pattern.compile(regex);
        return result.stdout().lines().anyMatch(l -> line.matcher(l).matches());
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
