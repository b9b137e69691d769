package dev.runtruth.collector.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running {@code runtruth serve}: a comparison of every service each {@link ServeConfig#interval()} on one
 * daemon thread, and an HTTP endpoint ({@code com.sun.net.httpserver}) serving {@code GET /metrics} from a private
 * Micrometer {@link PrometheusMeterRegistry}: Prometheus text 0.0.4, or OpenMetrics 1.0 when the scraper's
 * {@code Accept} header asks for {@code application/openmetrics-text}. {@code GET /} answers 200 "ok" (liveness).
 * {@link #close()} stops both.
 */
public final class ServeServer implements AutoCloseable {

    private final HttpServer http;
    private final ScheduledExecutorService loop;

    private ServeServer(HttpServer http, ScheduledExecutorService loop) {
        this.http = http;
        this.loop = loop;
    }

    /**
     * Binds the endpoint, runs the first comparison of every service and schedules the next ones.
     *
     * @param config the validated configuration
     * @param log    receives one line per reload and per new error
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static ServeServer start(ServeConfig config, PrintWriter log) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<ServiceMonitor> monitors = new ArrayList<>();
        for (ServeConfig.Service service : config.services()) {
            monitors.add(new ServiceMonitor(service, config, registry, log, Clock.systemUTC()));
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
        http.createContext("/metrics", exchange -> metrics(exchange, registry));
        http.createContext("/", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n"));
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runtruth-serve-loop");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "runtruth-serve-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        loop.scheduleWithFixedDelay(() -> monitors.forEach(ServiceMonitor::compareOnce), 0,
                config.interval().toMillis(), TimeUnit.MILLISECONDS);
        return new ServeServer(http, loop);
    }

    /** @return the bound port (useful with port 0) */
    public int port() {
        return http.getAddress().getPort();
    }

    private static void metrics(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        String contentType = openMetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8";
        respond(exchange, 200, contentType, registry.scrape(contentType));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        http.stop(0);
    }
}
