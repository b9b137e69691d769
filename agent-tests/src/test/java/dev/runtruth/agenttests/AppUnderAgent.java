package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One app jar running in its own JVM with the shaded agent ({@link Artifacts#agentJar()}) attached: the agent serves
 * {@code /metrics} on a free loopback port, the app gets another free port for HTTP. Holds the scaffolding every
 * scenario shares (start, readiness, URLs, scrape) and the checks every scenario makes of the agent (no capture
 * errors, a silent stderr, agent routes equal to a truth). The truth itself is the scenario's: this class never
 * computes one.
 */
final class AppUnderAgent implements AutoCloseable {

    /**
     * How long the agent's endpoint may take to answer once the app is ready: it opens after the class-loading quiet
     * point and the first discovery walk, whose wall time (0.3 s of CPU on the largest app) stretched to 6-12 s on a
     * loaded 2-core machine; a condition wait, so the usual case still takes well under a second.
     */
    static final Duration METRICS_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final TestJvm jvm;
    private final int httpPort;
    private final int agentPort;
    /** The agent's options while it is still to be attached (late attach), {@code null} once attached or with -javaagent. */
    private String pendingAttach;

    private AppUnderAgent(String name, TestJvm jvm, int httpPort, int agentPort, String pendingAttach) {
        this.name = name;
        this.jvm = jvm;
        this.httpPort = httpPort;
        this.agentPort = agentPort;
        this.pendingAttach = pendingAttach;
    }

    /**
     * Starts {@code java -javaagent:<agent>=port=<p>,host=127.0.0.1,service=<service> [options] -jar <jar> [args]};
     * does not wait for it.
     *
     * @param name     the name of the run, for log files and messages, e.g. {@code boot35-admin-jdk17}
     * @param service  the agent's {@code service} option
     * @param javaHome the JDK home whose {@code bin/java} runs the app
     * @param jar      the executable jar of the app
     * @param launch   adds the app's JVM options and program arguments to the builder, given the app's HTTP port
     * @return the running app
     * @throws java.io.UncheckedIOException if no port is free or the process cannot be started
     */
    static AppUnderAgent start(String name, String service, Path javaHome, Path jar,
            BiConsumer<TestJvm.Builder, Integer> launch) {
        return start(name, service, javaHome, jar, launch, false);
    }

    /**
     * Starts the app as {@link #start(String, String, Path, Path, BiConsumer)} does, or, with {@code lateAttach},
     * without any agent flag: the agent (same options) is then loaded through the Attach API by the first
     * {@link #awaitMetrics}, which scenarios call once the app serves, the incident case of {@code runtruth attach}.
     *
     * @param lateAttach whether to attach the agent after the app serves instead of {@code -javaagent}
     * @return the running app
     */
    static AppUnderAgent start(String name, String service, Path javaHome, Path jar,
            BiConsumer<TestJvm.Builder, Integer> launch, boolean lateAttach) {
        int httpPort = TestJvm.freePort();
        int agentPort = TestJvm.freePort();
        String options = "port=" + agentPort + ",host=127.0.0.1,service=" + service;
        TestJvm.Builder builder = TestJvm.builder(name, javaHome).jar(jar);
        if (!lateAttach) {
            builder.agent(Artifacts.agentJar(), options);
        }
        launch.accept(builder, httpPort);
        return new AppUnderAgent(name, builder.start(), httpPort, agentPort, lateAttach ? options : null);
    }

    /** @return whether the agent was (or is to be) attached after the app served, not started with it */
    boolean lateAttach() {
        return pendingAttach != null || attachedLate;
    }

    private boolean attachedLate;

    /**
     * Loads the agent into the running app through the Attach API ({@code VirtualMachine.loadAgent}, options whole),
     * as {@code runtruth attach} does, and prints how long the load took.
     */
    private void attachNow() {
        long started = System.nanoTime();
        try {
            com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(
                    String.valueOf(jvm.pid()));
            try {
                vm.loadAgent(Artifacts.agentJar().toString(), pendingAttach);
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            throw new AssertionError(name + ": attaching the agent failed: " + e + "\n" + jvm.describe(), e);
        }
        System.out.printf("%s: agent attached after the app served, in %d ms%n", name,
                (System.nanoTime() - started) / 1_000_000);
        pendingAttach = null;
        attachedLate = true;
    }

    /**
     * @param path a path with its leading {@code /}, context paths included
     * @return {@code http://127.0.0.1:<app port><path>}
     */
    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** @return the free port the app was told to serve HTTP on */
    int httpPort() {
        return httpPort;
    }

    /** @return the port of the agent's own endpoint */
    int agentPort() {
        return agentPort;
    }

    /** @return {@code http://127.0.0.1:<agent port>}, the agent's endpoint as {@code runtruth --agent} takes it */
    String agentUrl() {
        return "http://127.0.0.1:" + agentPort;
    }

    /** @return the agent's Prometheus text endpoint */
    String metricsUrl() {
        return agentUrl() + "/metrics";
    }

    /**
     * @param url     a URL of the app, see {@link #url(String)}
     * @param timeout how long to wait
     * @return this, once {@code url} answered HTTP 200
     * @throws AssertionError if the app exits or the timeout passes first
     */
    AppUnderAgent awaitHttp200(String url, Duration timeout) {
        jvm.awaitHttp200(url, timeout);
        return this;
    }

    /**
     * With a late attach still pending, attaches the agent first.
     *
     * @param timeout how long to wait
     * @return this, once the agent's {@code /metrics} answered HTTP 200
     * @throws AssertionError if the app exits or the timeout passes first
     */
    AppUnderAgent awaitMetrics(Duration timeout) {
        if (pendingAttach != null) {
            attachNow();
        }
        jvm.awaitHttp200(metricsUrl(), timeout);
        return this;
    }

    /**
     * @param line    a whole line the app prints on stdout once it is ready, e.g. {@code READY}
     * @param timeout how long to wait
     * @return this, once the line was printed
     * @throws AssertionError if the timeout passes first or the thread is interrupted; the message has the log tails
     */
    AppUnderAgent awaitStdoutLine(String line, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!jvm.stdoutLines().contains(line)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + ": no '" + line + "' on stdout after " + timeout + "\n"
                        + jvm.describe());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return this;
    }

    /**
     * @return a fresh scrape of the agent's endpoint
     * @throws IOException if it cannot be read or parsed
     */
    AgentScrape scrape() throws IOException {
        return AgentScrape.scrape(metricsUrl());
    }

    /**
     * @param framework a {@code framework} label value, e.g. {@code micronaut}
     * @return the agent's {@code runtruth_route_info} routes with that label, in scrape order
     * @throws IOException if the endpoint cannot be read or parsed
     */
    Set<Route> routes(String framework) throws IOException {
        return scrape().routes().stream().filter(route -> route.framework().equals(framework))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @return the child JVM, for its logs */
    TestJvm jvm() {
        return jvm;
    }

    /** @return the command line and log tails of the app, for failure messages */
    String describe() {
        return jvm.describe();
    }

    /**
     * Prints the sizes of both sides and asserts that they are equal as sets.
     *
     * @param truthName what the truth is, e.g. {@code /actuator/mappings}
     * @param truth     the framework's own listing
     * @param agentName what the agent side is, e.g. {@code runtruth_route_info}
     * @param agent     the agent's routes
     * @throws AssertionError naming every route on one side only
     */
    void assertRoutesEqual(String truthName, Set<Route> truth, String agentName, Set<Route> agent) {
        System.out.printf("%s: %d %s routes, %d agent routes%n", name, truth.size(), truthName, agent.size());
        assertThat(RouteDiff.describe(truthName, truth, agentName, agent))
                .as("agent routes == %s for %s (%d vs %d)\n%s", truthName, name, truth.size(), agent.size(),
                        jvm.describe())
                .isEmpty();
    }

    /**
     * Asserts that {@code runtruth_capture_errors_total} is exported and sums to 0.
     *
     * @throws IOException if the endpoint cannot be read or parsed
     */
    void assertNoCaptureErrors() throws IOException {
        AgentScrape metrics = scrape();
        assertThat(metrics.captureErrorSeries()).as("%s is exported\n%s", AgentScrape.CAPTURE_ERRORS, metrics.text())
                .isNotEmpty();
        assertThat(metrics.captureErrors()).as("%s\n%s", AgentScrape.CAPTURE_ERRORS, jvm.describe()).isZero();
    }

    /** The start of the one line a healthy agent prints (MetricsEndpoint.STARTUP_PREFIX in the agent). */
    static final String STARTUP_LINE = "[runtruth] serving ";

    /**
     * @param line a stderr line
     * @return whether it is a message of the agent other than its startup line (a warning, a debug line)
     */
    static boolean isAgentMessage(String line) {
        return line.startsWith("[runtruth]") && !line.startsWith(STARTUP_LINE);
    }

    /**
     * Asserts that no stderr line is from or about the agent: none starts with {@code [runtruth]}, names
     * {@code agentPackage} or the agent jar's file name. A healthy agent is silent; JDK warnings (e.g.
     * {@code sun.misc.Unsafe} on JDK 24+) name the caller's class or jar.
     *
     * @param agentPackage the agent's package as it would appear in a line, e.g. {@code dev.runtruth.agent}
     * @param tolerated    agent lines the scenario documents as expected
     */
    void assertAgentSilentOnStderr(String agentPackage, Predicate<String> tolerated) {
        assertThat(jvm.stderrLines()).as("the agent's one startup line\n%s", jvm.describe())
                .filteredOn(line -> line.startsWith(STARTUP_LINE)).hasSize(1);
        String jarName = Artifacts.agentJar().getFileName().toString();
        assertThat(jvm.stderrLines())
                .as("stderr lines from or about the agent\n%s", jvm.describe())
                .noneMatch(line -> !tolerated.test(line) && (isAgentMessage(line)
                        || line.contains(agentPackage) || line.contains(jarName)));
    }

    @Override
    public void close() {
        jvm.close();
    }
}
