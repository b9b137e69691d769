package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.listeners.Listener;
import dev.runtruth.agent.listeners.ListenerInventory;
import dev.runtruth.model.ListenerState;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerMetricsTest {

    @Test
    void oneInfoSeriesPerListenerWithItsStateAndDiscoveryAvailable() throws IOException {
        Map<Listener, ListenerState> listeners = new LinkedHashMap<>();
        listeners.put(new Listener("::", 4567), ListenerState.UNKNOWN);
        listeners.put(new Listener("0.0.0.0", 8080), ListenerState.SERVED);

        assertThat(scrape(new ListenerInventory.Snapshot(null, listeners), null)).isEqualTo(""
                + "# HELP runtruth_listener_info A TCP port the process accepts connections on: state=served when a "
                + "framework the agent reads serves routes there, state=unknown when none is known to (a coverage "
                + "gap)\n"
                + "# TYPE runtruth_listener_info gauge\n"
                + "runtruth_listener_info{address=\"0.0.0.0\",port=\"8080\",state=\"served\"} 1\n"
                + "runtruth_listener_info{address=\"::\",port=\"4567\",state=\"unknown\"} 1\n"
                + "# HELP runtruth_listener_discovery_available 1 when the agent can read the TCP ports this process "
                + "listens on (Linux /proc), 0 when it cannot tell\n"
                + "# TYPE runtruth_listener_discovery_available gauge\n"
                + "runtruth_listener_discovery_available 1.0\n");
    }

    @Test
    void unavailableDiscoveryIsZeroWithNoListenerSeries() throws IOException {
        String text = scrape(new ListenerInventory.Snapshot("no procfs", Collections.emptyMap()), null);

        assertThat(text).contains("runtruth_listener_discovery_available 0.0\n")
                .doesNotContain("runtruth_listener_info{");
    }

    @Test
    void theCapBoundsTheListenerSeriesAndCountsTheRest() throws IOException {
        Map<Listener, ListenerState> listeners = new LinkedHashMap<>();
        for (int port = 8000; port < 8003; port++) {
            listeners.put(new Listener("0.0.0.0", port), ListenerState.UNKNOWN);
        }
        SeriesCap cap = new SeriesCap().cap(ListenerMetrics.LISTENER + "_info", 2);
        PrometheusRegistry registry = new PrometheusRegistry();
        cap.register(registry, new ListenerMetrics(() -> new ListenerInventory.Snapshot(null, listeners), cap));

        String text = write(registry);

        assertThat(text).contains("port=\"8000\"", "port=\"8001\"").doesNotContain("port=\"8002\"")
                .contains("runtruth_series_dropped_total{family=\"runtruth_listener_info\"} 1.0\n");
    }

    private static String scrape(ListenerInventory.Snapshot snapshot, SeriesCap cap) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        new ListenerMetrics(() -> snapshot, cap).register(registry);
        return write(registry);
    }

    private static String write(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8.name());
    }
}
