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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One Spring Boot WebFlux app in its own JVM with the shaded agent attached, held against the framework's own truth:
 * the {@code dispatcherHandlers} section of {@code /actuator/mappings}. One subclass per Boot line, JDK and base path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSpringWebFluxIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private TestJvm jvm;
    private int httpPort;
    private int agentPort;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code boot35-webflux-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /** @return {@code spring.webflux.base-path} the app runs with, e.g. {@code /base}; empty for none */
    String basePath() {
        return "";
    }

    /** @return a path (below the base path) that answers 200 only once the app is fully started */
    String readinessPath() {
        return "/late/registered/ready";
    }

    /** @return the least number of routes the app must list: the scenario must not pass on a trivial app */
    abstract int minimumRoutes();

    /** @return routes (without the base path) that must be listed, e.g. the one added by registerMapping */
    abstract Set<Route> requiredRoutes();

    @BeforeAll
    void startApp() {
        httpPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + httpPort));
        if (!basePath().isEmpty()) {
            args.add("--spring.webflux.base-path=" + basePath());
        }
        jvm = TestJvm.builder(service(), javaHome())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=" + service())
                .jar(appJar())
                .args(args)
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
    void agentRoutesEqualActuatorDispatcherHandlers() throws IOException {
        Set<Route> actuator = ActuatorMappings.read(appUrl("/actuator/mappings"), basePath(),
                ActuatorMappings.DISPATCHER_HANDLERS);
        Set<Route> agent = AgentMetrics.scrape(metricsUrl()).routes();
        System.out.printf("%s: %d actuator routes, %d agent routes%n", service(), actuator.size(), agent.size());

        assertThat(actuator).as("actuator's own listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(prefixed(requiredRoutes()));
        assertThat(RouteDiff.describe("/actuator/mappings", actuator, "runtruth_route_info", agent))
                .as("agent routes == actuator dispatcherHandlers for %s (%d actuator routes, %d agent routes)\n%s",
                        service(), actuator.size(), agent.size(), jvm.describe())
                .isEmpty();
        assertThat(agent).as("framework label").allMatch(route -> route.framework().equals("spring-webflux"));
    }

    @Test
    void noCaptureErrors() throws IOException {
        AgentMetrics metrics = AgentMetrics.scrape(metricsUrl());
        assertThat(metrics.captureErrorSeries()).as("%s is exported\n%s", AgentMetrics.CAPTURE_ERRORS, metrics.text())
                .isNotEmpty();
        assertThat(metrics.captureErrors()).as("%s\n%s", AgentMetrics.CAPTURE_ERRORS, jvm.describe()).isZero();
    }

    // a healthy agent is silent; JDK warnings (e.g. sun.misc.Unsafe on JDK 24+) name the caller's class or jar
    @Test
    void agentWritesNothingToStderr() {
        assertThat(jvm.stderrLines())
                .as("stderr lines from or about the agent\n%s", jvm.describe())
                .noneMatch(line -> line.startsWith("[runtruth]") || line.contains("dev.runtruth.agent")
                        || line.contains(Artifacts.agentJar().getFileName().toString()));
    }

    /** @return {@code http://127.0.0.1:<port><base path><path>} */
    String appUrl(String path) {
        return "http://127.0.0.1:" + httpPort + basePath() + path;
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
    }

    private Set<Route> prefixed(Set<Route> routes) {
        Set<Route> result = new LinkedHashSet<>();
        routes.forEach(r -> result.add(Route.of(r.method(), basePath() + r.template(), r.framework(), r.handler())));
        return result;
    }
}
