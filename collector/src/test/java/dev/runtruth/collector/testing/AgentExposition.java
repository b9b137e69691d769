package dev.runtruth.collector.testing;

import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Exposition text in the agent's format for parser and reader tests, written by a real client_java
 * (prometheus-metrics 1.x) registry with the names and labels of the contract ({@link MetricNames}): {@code
 * runtruth_route_info}, {@code runtruth_build_info}, {@code runtruth_agent_info}, and unrelated families (a counter, a
 * labelled histogram) that the collector must skip. What the real agent jar exports is fed to the collector by
 * agent-tests' {@code AgentContractIT}; this stand-in only exercises the collector's side (formats, edge cases).
 */
public final class AgentExposition {

    private AgentExposition() {
    }

    /**
     * @param routes  the routes to export
     * @param service {@code service} label of the build info
     * @param commit  {@code commit} label of the build info, {@code null} to export no build info at all
     * @return a registry with the agent's metrics
     */
    public static PrometheusRegistry registry(Collection<Route> routes, String service, String commit) {
        PrometheusRegistry registry = new PrometheusRegistry();
        Info routeInfo = Info.builder().name(MetricNames.ROUTE_INFO)
                .help("An HTTP route the application's framework registered")
                .labelNames(MetricNames.SAMPLES.get(MetricNames.ROUTE_INFO).toArray(String[]::new))
                .register(registry);
        for (Route route : routes) {
            routeInfo.addLabelValues(route.framework(), route.method(), route.template(), route.handler(),
                    route.port());
        }
        if (commit != null) {
            Info.builder().name(MetricNames.BUILD_INFO).help("The application's build")
                    .labelNames(MetricNames.SAMPLES.get(MetricNames.BUILD_INFO).toArray(String[]::new))
                    .register(registry)
                    .addLabelValues(service, "1.2.3", commit, "main", "2026-11-21T10:00:00Z");
        }
        Info.builder().name(MetricNames.AGENT_INFO).help("The agent").labelNames(MetricNames.VERSION).register(registry)
                .addLabelValues("0.1.0-test");
        Counter.builder().name(MetricNames.CAPTURE_ERRORS_TOTAL).help("Errors").register(registry).inc(0);
        Histogram histogram = Histogram.builder().name("http_server_duration_seconds").help("Latency \"quoted\"\\")
                .labelNames("path").register(registry);
        histogram.labelValues("/owners/{id}").observe(0.25);
        return registry;
    }

    /** @return the registry in the Prometheus text format 0.0.4 */
    public static String text(PrometheusRegistry registry) {
        return write(registry, false);
    }

    /** @return the registry in the OpenMetrics 1.0 text format */
    public static String openMetrics(PrometheusRegistry registry) {
        return write(registry, true);
    }

    private static String write(PrometheusRegistry registry, boolean openMetrics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (openMetrics) {
                OpenMetricsTextFormatWriter.create().write(out, registry.scrape());
            } else {
                PrometheusTextFormatWriter.create().write(out, registry.scrape());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
