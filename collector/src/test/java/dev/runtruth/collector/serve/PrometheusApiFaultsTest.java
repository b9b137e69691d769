package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.runtruth.collector.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A Prometheus that is down, slow or answers garbage: one error naming its URL, within the timeout. */
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

    /** @param answer {@code true}: answers HTML at once; {@code false}: never answers within 20 s */
    private static HttpServer stub(boolean answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
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
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "prometheus-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }
}
