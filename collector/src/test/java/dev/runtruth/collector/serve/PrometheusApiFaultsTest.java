package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.ObservedRoutes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Prometheus that is down, slow, stalls, answers too much, an error or garbage: one error naming its URL, within the
 * timeout; and a real answer (recorded from Prometheus 2.42, see {@link PrometheusVectorReaderTest}) read over HTTP.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PrometheusApiFaultsTest {

    private static final String SELECTOR = "{job=\"billing-api\"}";

    @Test
    void down() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        URI server = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(2)).instances())
                .isInstanceOf(InputException.class).hasMessageStartingWith(server.toString())
                .hasMessageContaining("cannot query Prometheus");
    }

    @Test
    void slow() throws IOException {
        HttpServer prometheus = stub(false);
        try {
            URI server = URI.create("http://127.0.0.1:" + prometheus.getAddress().getPort());
            long started = System.nanoTime();
            assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(1)).instances())
                    .isInstanceOf(InputException.class).hasMessageStartingWith(server.toString());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    void notAnApiAnswer() throws IOException {
        HttpServer prometheus = stub(true);
        try {
            URI server = URI.create("http://127.0.0.1:" + prometheus.getAddress().getPort());
            assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(2)).instances())
                    .isInstanceOf(InputException.class).hasMessageStartingWith(server.toString());
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    void aRealAnswerIsReadAndTheQueryIsTheOneDocumented() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpServer prometheus = serve(exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            send(exchange, 200, PrometheusVectorReaderTest.resource("vector.json"), -1, 0);
        });
        try {
            PrometheusApiSource source = new PrometheusApiSource(url(prometheus), SELECTOR, Duration.ofSeconds(2));
            assertThat(source.instances()).extracting(ObservedRoutes::source)
                    .containsExactly("billing-api/127.0.0.1:19461", "billing-api/127.0.0.1:19462");
            assertThat(queries).containsExactly("query=" + URLEncoder.encode(source.query(), StandardCharsets.UTF_8));
            assertThat(source.query()).isEqualTo("{__name__=~\"runtruth_route_info|runtruth_build_info"
                    + "|runtruth_agent_info|runtruth_framework_info|runtruth_listener_info"
                    + "|runtruth_capture_errors_total\", job=\"billing-api\"}");
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    void anAnswerThatStallsHalfwayIsAnErrorWithinTheTimeout() throws Exception {
        byte[] answer = PrometheusVectorReaderTest.resource("vector.json");
        HttpServer prometheus = serve(exchange -> send(exchange, 200, answer, answer.length / 2, 20_000));
        try {
            URI server = url(prometheus);
            long started = System.nanoTime();
            assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(1)).instances())
                    .isInstanceOf(InputException.class).hasMessageStartingWith(server + ": ")
                    .hasMessageContaining("Prometheus stopped sending its answer: no data for 1000 ms after "
                            + answer.length / 2 + " bytes");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            prometheus.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anAnswerOverTheSizeLimitIsAnError(boolean contentLength) throws Exception {
        byte[] answer = PrometheusVectorReaderTest.resource("vector.json");
        HttpServer prometheus = serve(exchange -> send(exchange, 200, answer, contentLength ? answer.length : -1, 0));
        try {
            URI server = url(prometheus);
            assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(2), 1000)
                    .instances()).isInstanceOf(InputException.class).hasMessageStartingWith(server + ": ")
                    .hasMessageContaining(contentLength ? "the answer is " + answer.length
                            + " bytes, larger than the limit of 1000 bytes" : "larger than 1000 bytes (the limit)")
                    .hasMessageEndingWith("narrow the selector");
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    void anErrorAnswerShowsPrometheus_error() throws Exception {
        HttpServer prometheus = serve(exchange -> send(exchange, 400,
                PrometheusVectorReaderTest.resource("error-400.json"), -1, 0));
        try {
            URI server = url(prometheus);
            assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(2)).instances())
                    .isInstanceOf(InputException.class).hasMessageStartingWith(server + ": HTTP 400 for query {")
                    .hasMessageEndingWith(": invalid parameter \"query\": 1:66: parse error: unexpected end of input"
                            + " inside braces");
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    void aTruncatedAnswerIsAnErrorShowingItsStart() throws Exception {
        byte[] answer = PrometheusVectorReaderTest.resource("vector.json");
        byte[] cut = Arrays.copyOf(answer, answer.length / 3);
        HttpServer prometheus = serve(exchange -> send(exchange, 200, cut, cut.length, 0));
        try {
            URI server = url(prometheus);
            assertThatThrownBy(() -> new PrometheusApiSource(server, SELECTOR, Duration.ofSeconds(2)).instances())
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(server + ": not a Prometheus instant-query vector answer: malformed JSON")
                    .hasMessageContaining("; the answer starts with: {\"status\":\"success\"")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            prometheus.stop(0);
        }
    }

    /**
     * Sends {@code body}, or its first {@code upTo} bytes followed by a pause of {@code pauseMillis} before the rest.
     *
     * @param upTo the bytes sent before the pause; {@code -1} for all
     */
    private static void send(HttpExchange exchange, int status, byte[] body, int upTo, long pauseMillis)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // a declared length when the whole body is sent at once or paused; chunked (Prometheus' way) otherwise
        exchange.sendResponseHeaders(status, upTo < 0 ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            int first = upTo < 0 ? body.length : upTo;
            out.write(body, 0, first);
            out.flush();
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            out.write(body, first, body.length - first);
        } catch (InterruptedException | IOException e) {
            exchange.close();
        }
    }

    private static HttpServer serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "prometheus-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @param answer {@code true}: answers HTML at once; {@code false}: never answers within 20 s */
    private static HttpServer stub(boolean answer) throws IOException {
        return serve(exchange -> {
            try {
                if (!answer) {
                    Thread.sleep(20_000);
                }
                byte[] body = "<html>not the API</html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
    }
}
