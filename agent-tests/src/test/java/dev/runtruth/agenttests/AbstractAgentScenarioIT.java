package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.MetricNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every framework scenario: one app in its own JVM with the shaded agent attached ({@link AppUnderAgent}),
 * started once per class, and the checks every scenario makes of the agent (no capture errors, nothing on stderr).
 * A framework scenario (one abstract subclass per framework) says how to start its app and how to read the
 * framework's own truth, and holds the agent's routes against it; a version subclass says which app, JDK and options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAgentScenarioIT {

    /** The agent re-reads the listening sockets every 5 s: twice that covers a read just before the app bound. */
    static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(15);

    private AppUnderAgent app;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code boot35-admin-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /**
     * Adds the app's JVM options and program arguments; the agent and the jar are set already.
     *
     * @param builder  the app's command line
     * @param httpPort the free loopback port the app must serve HTTP on
     */
    abstract void launch(TestJvm.Builder builder, int httpPort);

    /**
     * Waits until the app and the agent's endpoint answer, e.g. with
     * {@code app.awaitHttp200(appUrl(..), timeout).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT)}.
     *
     * @param app the started app
     */
    abstract void awaitReady(AppUnderAgent app);

    /** @return the agent's package as a stderr line would name it; a line naming it fails the scenario */
    String agentPackage() {
        return "dev.runtruth.agent";
    }

    /**
     * @param line a line of the app's stderr
     * @return whether it is an agent line this app is known to cause (a documented warning); none by default
     */
    boolean toleratedAgentLine(String line) {
        return false;
    }

    /**
     * @return whether the app starts without the agent, which is attached once the app serves (the first {@link
     *         AppUnderAgent#awaitMetrics}): framework objects exist before the agent, so only hook-free discovery can
     *         find them. Every check of the scenario then holds for the attached agent as for {@code -javaagent}.
     */
    boolean lateAttach() {
        return false;
    }

    @BeforeAll
    void startApp() {
        app = AppUnderAgent.start(service(), service(), javaHome(), appJar(), this::launch, lateAttach());
        awaitReady(app);
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noCaptureErrors() throws IOException {
        app.assertNoCaptureErrors();
    }

    /**
     * The other side of "never silently blind": on a healthy app of a framework the agent reads, every framework the
     * agent reports present is {@code captured} (a false "partial" would make every check "cannot tell"). An app on a
     * server no capture reads reports none. (The version label may be empty: a framework shaded into a fat jar
     * without its {@code pom.properties}, as Gradle-built gRPC and Micronaut jars are, has no version left to read.)
     */
    @Test
    void everyFrameworkPresentIsCaptured() throws IOException {
        AgentScrape metrics = app.scrape();
        assertThat(metrics.frameworks()).as(metrics.text()).allSatisfy(framework ->
                assertThat(framework.get("state")).as(framework.toString()).isEqualTo("captured"));
        if (unknownPorts().isEmpty()) {
            assertThat(metrics.frameworks()).as(metrics.text()).isNotEmpty();
        }
    }

    /**
     * @return whether the agent follows this app's startup (Spring application contexts, Tomcat and Jetty contexts:
     *         {@code runtruth_inventory_info} then says {@code starting} until they started); false by default
     */
    boolean startupFollowed() {
        return false;
    }

    /**
     * Readiness: once the app serves, the agent says {@code runtruth_inventory_info{state="ready"}} for an app whose
     * startup it follows. Polls, since the app answers a moment before its context's refresh has finished. Also what
     * proves, for a late attach, that discovery finds the Spring application contexts readiness reads.
     */
    @Test
    void inventoryIsReadyOnceTheAppServes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(startupFollowed(), "the agent follows no startup of this app");
        Instant deadline = Instant.now().plus(LISTENER_TIMEOUT);
        AgentScrape metrics = app.scrape();
        while (!"ready".equals(metrics.inventoryState()) && Instant.now().isBefore(deadline)) {
            pause();
            metrics = app.scrape();
        }
        assertThat(metrics.inventoryState()).as("%s\n%s", metrics.series(MetricNames.INVENTORY_INFO), app.describe())
                .isEqualTo("ready");
    }

    /**
     * @return the ports on which the app serves what a framework capture reads: the agent must report each {@code
     *         served}; the app's HTTP port by default
     */
    Set<Integer> servedPorts() {
        return Set.of(app.httpPort());
    }

    /** @return the ports the agent must report {@code unknown} (listeners no capture knows); none by default */
    Set<Integer> unknownPorts() {
        return Set.of();
    }

    /**
     * The rule that keeps the agent from going silently blind: every port the app listens on is reported, and for a
     * healthy app of a framework the agent reads, every one is {@code served}: no false "cannot tell". The agent's own
     * endpoint is never listed. Polls until the expected states show (the listeners are re-read every few seconds).
     */
    @Test
    void everyListenerIsReportedAndAttributed() throws IOException {
        Instant deadline = Instant.now().plus(LISTENER_TIMEOUT);
        AgentScrape metrics = app.scrape();
        while (!expectedListenerStates(metrics.listenerStates()) && Instant.now().isBefore(deadline)) {
            pause();
            metrics = app.scrape();
        }
        Map<Integer, String> states = metrics.listenerStates();
        String why = metrics.series(AgentScrape.LISTENER_INFO) + "\n" + app.describe();
        assertThat(metrics.series(AgentScrape.LISTENER_DISCOVERY)).as(why).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
        assertThat(states).as("the agent's own endpoint is not a listener of the app: " + why)
                .doesNotContainKey(app.agentPort());
        for (int port : servedPorts()) {
            assertThat(states).as("port %d %s", port, why).containsEntry(port, "served");
        }
        assertThat(states.entrySet().stream().filter(e -> e.getValue().equals("unknown")).map(Map.Entry::getKey))
                .as("listeners no capture knows: " + why).containsExactlyInAnyOrderElementsOf(unknownPorts());
    }

    private boolean expectedListenerStates(Map<Integer, String> states) {
        return servedPorts().stream().allMatch(p -> "served".equals(states.get(p)))
                && unknownPorts().stream().allMatch(p -> "unknown".equals(states.get(p)))
                && states.values().stream().filter("unknown"::equals).count() == unknownPorts().size();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Test
    void agentWritesNothingToStderr() {
        app.assertAgentSilentOnStderr(agentPackage(), line -> toleratedAgentLine(line)
                // JDK 21+ warns on every dynamic agent load (JEP 451), naming the jar: the JVM's line, not the agent's
                || app.lateAttach() && line.startsWith("WARNING: A Java agent has been loaded dynamically"));
    }

    /** @return the running app; set before the first test */
    AppUnderAgent app() {
        return app;
    }

    /**
     * @param path a path with its leading {@code /}; scenarios with a context path put it in front
     * @return the app's URL of {@code path}
     */
    String appUrl(String path) {
        return app.url(path);
    }

    /** @return the agent's Prometheus text endpoint */
    String metricsUrl() {
        return app.metricsUrl();
    }
}
