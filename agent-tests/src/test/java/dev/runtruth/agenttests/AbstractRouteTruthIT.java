package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A plain (non-Spring) app in its own JVM with the shaded agent attached: the agent's routes of one framework are
 * held against the framework's own listing, which the app serves itself ({@link #truth()}). One abstract subclass
 * per framework, one concrete subclass per framework version and JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRouteTruthIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private TestJvm jvm;
    private int httpPort;
    private int agentPort;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code vertx4-web-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the {@code framework} label value under test, e.g. {@code vertx-web} */
    abstract String framework();

    /** @return the program arguments of the app, given its HTTP port */
    abstract List<String> appArgs(int port);

    /** @return a path that answers 200 once the app serves requests, e.g. {@code /debug/routes} */
    abstract String readinessPath();

    /** @return the framework's own listing of the app's routes, as full paths a client requests */
    abstract Set<Route> truth() throws IOException;

    /** @return the least number of routes the truth must list: the scenario must not pass on a trivial app */
    abstract int minimumRoutes();

    /** @return routes the truth must list (sanity of the scenario: sub-routers, library routes, ...) */
    abstract Set<Route> requiredRoutes();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    @BeforeAll
    void startApp() {
        httpPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        jvm = TestJvm.builder(service(), javaHome())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=" + service())
                .jar(appJar())
                .args(appArgs(httpPort))
                .start();
        jvm.awaitHttp200(appUrl(readinessPath()), START_TIMEOUT);
        jvm.awaitHttp200(metricsUrl(), Duration.ofSeconds(10));
    }

    @AfterAll
    void stopApp() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void agentRoutesEqualTheFrameworksOwnListing() throws IOException {
        Set<Route> truth = truth();
        Set<Route> agent = AgentMetrics.scrape(metricsUrl()).routes().stream()
                .filter(route -> route.framework().equals(framework()))
                .collect(Collectors.toSet());
        System.out.printf("%s: %d routes listed by the framework, %d agent routes%n", service(), truth.size(),
                agent.size());

        assertThat(truth).as("the framework's own listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        assertThat(RouteDiff.describe("the framework's listing", truth, "runtruth_route_info", agent))
                .as("agent routes == the framework's listing for %s (%d vs %d)\n%s", service(), truth.size(),
                        agent.size(), jvm.describe())
                .isEmpty();
    }

    @Test
    void noCaptureErrors() throws IOException {
        AgentMetrics metrics = AgentMetrics.scrape(metricsUrl());
        assertThat(metrics.captureErrorSeries()).as("%s is exported\n%s", AgentMetrics.CAPTURE_ERRORS, metrics.text())
                .isNotEmpty();
        assertThat(metrics.captureErrors()).as("%s\n%s", AgentMetrics.CAPTURE_ERRORS, jvm.describe()).isZero();
    }

    @Test
    void agentWritesNothingToStderr() {
        assertThat(jvm.stderrLines())
                .as("stderr lines from or about the agent\n%s", jvm.describe())
                .noneMatch(line -> line.startsWith("[runtruth]") || line.contains("dev.runtruth.agent")
                        || line.contains(Artifacts.agentJar().getFileName().toString()));
    }

    /** @return {@code http://127.0.0.1:<port><path>} */
    String appUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
    }
}
