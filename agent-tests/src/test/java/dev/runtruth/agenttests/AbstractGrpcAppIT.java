package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One gRPC app in its own JVM with the shaded agent attached, held against gRPC's own listing: a separate JVM runs a
 * gRPC server-reflection client ({@code grpc.reflection.v1}: {@code list_services}, then the file descriptors of
 * each service) against every server of the app and prints {@code POST /<package.Service>/<Method>} per method. One
 * subclass per grpc-java line and JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractGrpcAppIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private TestJvm jvm;
    private int agentPort;
    private List<Integer> grpcPorts;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code grpc185-jdk17} */
    abstract String service();

    /** @return the executable jar of the app: {@code serve <port>...} starts it, {@code reflect <host:port>...} lists */
    abstract Path appJar();

    /** @return how many gRPC servers the app starts (one port each) */
    abstract int servers();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /** @return the least number of methods the servers must list */
    abstract int minimumRoutes();

    /** @return methods that must be listed, e.g. the one registered after start in the fallback registry */
    abstract Set<Route> requiredRoutes();

    @BeforeAll
    void startApp() {
        agentPort = TestJvm.freePort();
        grpcPorts = new java.util.ArrayList<>();
        for (int i = 0; i < servers(); i++) {
            grpcPorts.add(TestJvm.freePort());
        }
        jvm = TestJvm.builder(service(), javaHome())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=" + service())
                .jar(appJar())
                .args("serve")
                .args(grpcPorts.stream().map(String::valueOf).toList())
                .start();
        jvm.awaitHttp200(metricsUrl(), START_TIMEOUT);
        awaitStdout("READY", START_TIMEOUT);
    }

    @AfterAll
    void stopApp() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void agentRoutesEqualServerReflection() throws IOException {
        Set<Route> truth = reflection();
        Set<Route> agent = AgentMetrics.scrape(metricsUrl()).routes().stream()
                .filter(r -> r.framework().equals("grpc"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        System.out.printf("%s: %d reflection methods, %d agent routes%n", service(), truth.size(), agent.size());

        assertThat(truth).as("gRPC server reflection (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        assertThat(RouteDiff.describe("server reflection", truth, "runtruth_route_info", agent))
                .as("agent routes == server reflection for %s (%d methods, %d agent routes)\n%s",
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

    /** Runs the app jar's reflection client against every server, in its own JVM. */
    private Set<Route> reflection() {
        String[] args = new String[grpcPorts.size() + 1];
        args[0] = "reflect";
        for (int i = 0; i < grpcPorts.size(); i++) {
            args[i + 1] = "127.0.0.1:" + grpcPorts.get(i);
        }
        OneShot run = OneShot.run(service() + "-reflect", Duration.ofSeconds(60), OneShot.javaJar(appJar(), args));
        List<String> lines = run.stdout().lines().toList();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(lines).as(run.describe()).endsWith("END");
        return lines.stream().filter(line -> line.startsWith("POST "))
                .map(line -> Route.of("POST", line.substring(5).trim(), "grpc", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void awaitStdout(String line, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!jvm.stdoutLines().contains(line)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(service() + ": no '" + line + "' on stdout after " + timeout + "\n"
                        + jvm.describe());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
    }
}
