package dev.runtruth.collector.demo;

import dev.runtruth.model.MetricNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample service running in its own JVM with the agent attached by one {@code -javaagent} flag, on free
 * loopback ports. {@link #close()} ends the JVM (and anything it started).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;
    private final int agentPort;
    private final String agentFlag;
    private final long startedNanos = System.nanoTime();

    private ServiceProcess(Process process, Path log, int port, int agentPort, String agentFlag) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.agentPort = agentPort;
        this.agentFlag = agentFlag;
    }

    /**
     * Starts {@code java -javaagent:<agent>=port=<free>,host=127.0.0.1 -jar <jar> --server.port=<free>}.
     *
     * @param agentJar the Runtruth agent jar
     * @param jar      the service's executable jar
     * @param log      where the service's stdout and stderr go
     * @return the running service (not yet ready: call {@link #awaitReady()})
     */
    static ServiceProcess start(Path agentJar, Path jar, Path log) throws IOException {
        int port = freePort();
        int agentPort = freePort();
        String agentFlag = "-javaagent:" + agentJar + "=port=" + agentPort + ",host=127.0.0.1";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, agentFlag, "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(process, log, port, agentPort, agentFlag);
    }

    /**
     * Waits until the service answers {@code /actuator/health} with 200 and the agent reports at least one route.
     *
     * @return seconds from process start to ready
     * @throws DemoException when the JVM exits or is not ready within two minutes; the message ends with its log
     */
    double awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        boolean serving = false;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DemoException("the service exited with code " + process.exitValue() + "; its log "
                        + log + " ends with:\n" + Processes.tail(Files.readString(log, StandardCharsets.UTF_8), 20));
            }
            serving = serving || status(baseUrl() + "/actuator/health") == 200;
            if (serving && agentReportsRoutes()) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            Thread.sleep(200);
        }
        throw new DemoException("the service was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the agent's metrics URL, {@code http://127.0.0.1:<agentPort>/metrics} */
    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
    }

    /** @return the one JVM flag that attached the agent */
    String agentFlag() {
        return agentFlag;
    }

    /**
     * @param url a URL to GET
     * @return the HTTP status, or -1 when nothing answers
     */
    static int status(String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private boolean agentReportsRoutes() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl())).timeout(Duration.ofSeconds(5))
                    .GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(MetricNames.ROUTE_INFO + "{");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
