package dev.runtruth.agent.export;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.exporter.httpserver.HttpExchangeAdapter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HTTP server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}) serving client_java's scrape
 * handler on {@code /metrics}, on daemon threads named {@code runtruth-endpoint} (none while idle, one per scrape
 * in flight, at most five).
 *
 * <p>client_java's own {@code HTTPServer} is the same server and handler; it is not used because its {@code /metrics}
 * handler cannot be told that the agent ships the text formats only (see {@link TextFormatExchange}). Every other path
 * answers 404 with a pointer to {@code /metrics}.
 */
public final class MetricsServer implements Closeable {

    /** The path the metrics are served on. */
    public static final String PATH = "/metrics";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts the server.
     *
     * @param address       where to listen; port 0 for any free port
     * @param registry      what {@code /metrics} serves
     * @param authenticator basic auth for every path, or {@code null} for none
     * @param https         TLS settings, or {@code null} for plain HTTP
     * @return the running server
     * @throws IOException if the address cannot be bound (port in use, unknown host)
     */
    static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry, Authenticator authenticator,
            HttpsConfigurator https) throws IOException {
        HttpServer server;
        if (https != null) {
            HttpsServer tls = HttpsServer.create(address, 3);
            tls.setHttpsConfigurator(https);
            server = tls;
        } else {
            server = HttpServer.create(address, 3);
        }
        final PrometheusScrapeHandler scrape = new PrometheusScrapeHandler(PrometheusProperties.get(), registry);
        HttpContext metrics = server.createContext(PATH, new HttpHandler() {
            @Override
            public void handle(HttpExchange exchange) throws IOException {
                scrape.handleRequest(new TextFormatExchange(new HttpExchangeAdapter(exchange)));
            }
        });
        HttpContext other = server.createContext("/", new HttpHandler() {
            @Override
            public void handle(HttpExchange exchange) throws IOException {
                notFound(exchange);
            }
        });
        if (authenticator != null) {
            metrics.setAuthenticator(authenticator);
            other.setAuthenticator(authenticator);
        }
        // one thread for Prometheus; up to four more while a slow client holds one, then connections are refused
        ExecutorService executor = new ThreadPoolExecutor(0, 5, 60, TimeUnit.SECONDS,
                new SynchronousQueue<Runnable>(), new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "runtruth-endpoint");
                thread.setDaemon(true);
                return thread;
            }
        });
        server.setExecutor(executor);
        server.start();
        return new MetricsServer(server, executor);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        try {
            InputStream body = exchange.getRequestBody();
            while (body.read() != -1) {
                // drain, so the connection can be reused
            }
            byte[] text = ("not found; Runtruth serves " + PATH + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(404, text.length);
            exchange.getResponseBody().write(text);
        } finally {
            exchange.close();
        }
    }

    /** @return the port the server listens on (the one it got, when started with port 0) */
    public int getPort() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, waits for no exchange, and ends the endpoint's thread. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
