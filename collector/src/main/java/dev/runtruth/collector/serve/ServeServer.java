package dev.runtruth.collector.serve;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running {@code runtruth serve}: a comparison of every service each {@link ServeConfig#interval()} on one
 * daemon thread, and Prometheus client_java's {@link HTTPServer} (exporter-httpserver, the endpoint the agent serves
 * its own metrics with; daemon threads) over the client_java registry behind a private Micrometer
 * {@link PrometheusMeterRegistry}. {@code GET /metrics} answers what the scraper's {@code Accept} header asks for
 * (Prometheus text 0.0.4 by default, OpenMetrics 1.0 text, or the protobuf format), gzip-compressed on request;
 * {@code GET /-/healthy} answers 200 (liveness). {@link #close()} stops both.
 */
public final class ServeServer implements AutoCloseable {

    private final HTTPServer http;
    private final ScheduledExecutorService loop;

    private ServeServer(HTTPServer http, ScheduledExecutorService loop) {
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
        HTTPServer http = HTTPServer.builder().hostname(config.host()).port(config.port())
                .registry(registry.getPrometheusRegistry()).buildAndStart();
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runtruth-serve-loop");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(() -> monitors.forEach(ServiceMonitor::compareOnce), 0,
                config.interval().toMillis(), TimeUnit.MILLISECONDS);
        return new ServeServer(http, loop);
    }

    /** @return the bound port (useful with port 0) */
    public int port() {
        return http.getPort();
    }

    @Override
    public void close() {
        loop.shutdownNow();
        http.close();
    }
}
