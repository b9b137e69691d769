package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One JAX-RS app in its own JVM with the shaded agent attached, its {@code framework="jaxrs"} routes held against the
 * implementation's own listing of the same application (Jersey's WADL, RESTEasy's registry). One subclass per app,
 * implementation line and JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractJaxrsAppIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private TestJvm jvm;
    private int httpPort;
    private int agentPort;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code dropwizard4-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /**
     * @param httpPort the port the app must listen on (loopback)
     * @return JVM options (before {@code -jar}) that start the app on that port
     */
    abstract List<String> jvmArgs(int httpPort);

    /** @return the app's command-line arguments (after the jar) */
    List<String> appArgs(int httpPort) {
        return List.of();
    }

    /** @return a path that answers 200 only once the app serves requests, e.g. {@code /app/api/things} */
    abstract String readinessPath();

    /**
     * @return the implementation's own listing of the app's routes, full paths as a client requests them
     * @throws IOException if it cannot be read
     */
    abstract Set<Route> truth() throws IOException;

    /** @return the name of the truth, for messages, e.g. {@code application.wadl} */
    abstract String truthName();

    /** @return routes (full paths) the truth must contain: the scenario must not pass on a trivial app */
    abstract Set<Route> requiredRoutes();

    @BeforeAll
    void startApp() {
        httpPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        jvm = TestJvm.builder(service(), javaHome())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=" + service())
                .jvmArgs(jvmArgs(httpPort).toArray(String[]::new))
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
    void agentRoutesEqualTheImplementationsListing() throws IOException {
        Set<Route> truth = truth();
        Set<Route> agent = jaxrs(AgentMetrics.scrape(metricsUrl()).routes());
        System.out.printf("%s: %d %s routes, %d agent routes%n", service(), truth.size(), truthName(), agent.size());

        assertThat(truth).as("%s (sanity)", truthName()).containsAll(requiredRoutes());
        assertThat(RouteDiff.describe(truthName(), truth, "runtruth_route_info{framework=\"jaxrs\"}", agent))
                .as("agent routes == %s for %s (%d vs %d)\n%s", truthName(), service(), truth.size(), agent.size(),
                        jvm.describe())
                .isEmpty();
    }

    @Test
    void noCaptureErrors() throws IOException {
        AgentMetrics metrics = AgentMetrics.scrape(metricsUrl());
        assertThat(metrics.captureErrorSeries()).as("%s is exported\n%s", AgentMetrics.CAPTURE_ERRORS, metrics.text())
                .isNotEmpty();
        assertThat(metrics.captureErrors()).as("%s\n%s", AgentMetrics.CAPTURE_ERRORS, jvm.describe()).isZero();
    }

    // a healthy agent is silent; JDK warnings (e.g. sun.misc.Unsafe on JDK 24+) name the caller's class or jar.
    // "dev.runtruth.agent." with the dot: the apps' own log lines name their dev.runtruth.agenttests classes
    @Test
    void agentWritesNothingToStderr() {
        assertThat(jvm.stderrLines())
                .as("stderr lines from or about the agent\n%s", jvm.describe())
                .noneMatch(line -> !toleratedAgentLine(line) && (line.startsWith("[runtruth]")
                        || line.contains("dev.runtruth.agent.")
                        || line.contains(Artifacts.agentJar().getFileName().toString())));
    }

    /**
     * @param line a line of the app's stderr
     * @return whether it is an agent line this app is known to cause outside the JAX-RS capture (a documented
     *         warning of another family); none by default
     */
    boolean toleratedAgentLine(String line) {
        return false;
    }

    /** @return {@code http://127.0.0.1:<port><path>} */
    String appUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
    }

    static Set<Route> jaxrs(Set<Route> routes) {
        Set<Route> result = new java.util.LinkedHashSet<>();
        routes.stream().filter(r -> r.framework().equals("jaxrs")).forEach(result::add);
        return result;
    }
}
