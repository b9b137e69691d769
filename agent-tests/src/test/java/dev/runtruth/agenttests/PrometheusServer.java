package dev.runtruth.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH, Debian package 2.42) on loopback, with a
 * generated configuration and its own data directory, and the few HTTP API v1 calls the tests need. {@link #close()}
 * ends the process.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @return the {@code prometheus} or {@code promtool} executable on the PATH, if installed */
    static Optional<Path> executable(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts {@code prometheus --config.file=<dir>/prometheus.yml --storage.tsdb.path=<dir>/data} on a free loopback
     * port and waits until {@code /-/ready} answers 200.
     *
     * @param dir    working directory: the configuration must already be at {@code dir/prometheus.yml}
     * @param port   the port to listen on
     * @param flags  further command-line flags, e.g. {@code --enable-feature=native-histograms}
     * @return the ready server
     * @throws AssertionError if it does not become ready within 60 s; the message ends with its log
     */
    static PrometheusServer start(Path dir, int port, String... flags) throws IOException {
        Path log = dir.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of(executable("prometheus").orElseThrow().toString(),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited with " + process.exitValue() + ":\n" + server.logText());
            }
            try {
                if (TestJvm.get(server.url() + "/-/ready").statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(200);
        }
        server.close();
        throw new AssertionError("prometheus not ready within 60 s:\n" + server.logText());
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Runs an instant query ({@code GET /api/v1/query}).
     *
     * @param promql the expression
     * @return {@code data.result}: an array of {@code {metric, value}}
     * @throws AssertionError on a parse error or any answer other than {@code status: success}
     */
    JsonNode query(String promql) {
        return call("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql);
    }

    /**
     * Runs a range query ({@code GET /api/v1/query_range}) over the last {@code range}.
     *
     * @return {@code data.result}: an array of {@code {metric, values}}
     */
    JsonNode queryRange(String promql, Duration range, Duration step) {
        long end = Instant.now().getEpochSecond();
        return call("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start="
                + (end - range.toSeconds()) + "&end=" + end + "&step=" + step.toSeconds(), promql);
    }

    /** @return {@code data.alerts} of {@code GET /api/v1/alerts}: pending and firing alerts */
    JsonNode alerts() {
        return call("/api/v1/alerts", "alerts").path("alerts");
    }

    /** @return {@code data.groups} of {@code GET /api/v1/rules}: each group's rules with their health */
    JsonNode ruleGroups() {
        return call("/api/v1/rules", "rules").path("groups");
    }

    /** @return {@code data.activeTargets} of {@code GET /api/v1/targets} */
    JsonNode targets() {
        return call("/api/v1/targets", "targets").path("activeTargets");
    }

    private JsonNode call(String path, String what) {
        try {
            HttpResponse<String> response = TestJvm.get(url() + path);
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                throw new AssertionError("Prometheus rejected " + what + ": HTTP " + response.statusCode() + " "
                        + body.path("errorType").asText() + ": " + body.path("error").asText());
            }
            return body.path("data").has("result") ? body.path("data").path("result") : body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus " + path, e);
        }
    }

    /** @return the server's log so far */
    String logText() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
