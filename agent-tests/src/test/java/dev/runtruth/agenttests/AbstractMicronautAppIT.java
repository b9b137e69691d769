package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One Micronaut app in its own JVM with the shaded agent attached, held against Micronaut's own listing: the
 * micronaut-management {@code /routes} endpoint. One subclass per app, Micronaut line, JDK and configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMicronautAppIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private TestJvm jvm;
    private int httpPort;
    private int agentPort;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code micronaut4-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /** @return {@code micronaut.server.context-path}, e.g. {@code /ctx}; empty for none */
    String contextPath() {
        return "";
    }

    /** @return the least number of routes the app must list: the scenario must not pass on a trivial app */
    abstract int minimumRoutes();

    /** @return routes (as requested, context path included) that must be listed, e.g. a library's endpoint */
    abstract Set<Route> requiredRoutes();

    @BeforeAll
    void startApp() {
        httpPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        List<String> args = new ArrayList<>(List.of("--micronaut.server.port=" + httpPort));
        if (!contextPath().isEmpty()) {
            args.add("--micronaut.server.context-path=" + contextPath());
        }
        jvm = TestJvm.builder(service(), javaHome())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=" + service())
                .jar(appJar())
                .args(args)
                .start();
        jvm.awaitHttp200(appUrl("/health"), START_TIMEOUT);
        jvm.awaitHttp200(metricsUrl(), Duration.ofSeconds(10));
    }

    @AfterAll
    void stopApp() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void agentRoutesEqualRoutesEndpoint() throws IOException {
        Set<Route> truth = MicronautRoutesEndpoint.read(appUrl("/routes"));
        Set<Route> agent = AgentMetrics.scrape(metricsUrl()).routes().stream()
                .filter(r -> r.framework().equals("micronaut"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        System.out.printf("%s: %d /routes routes, %d agent routes%n", service(), truth.size(), agent.size());

        assertThat(truth).as("Micronaut's own /routes listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        assertThat(RouteDiff.describe("/routes", truth, "runtruth_route_info", agent))
                .as("agent routes == /routes for %s (%d /routes routes, %d agent routes)\n%s",
                        service(), truth.size(), agent.size(), jvm.describe())
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

    /** @return {@code http://127.0.0.1:<port><context path><path>} */
    String appUrl(String path) {
        return "http://127.0.0.1:" + httpPort + contextPath() + path;
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
    }
}
