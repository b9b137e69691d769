package dev.runtruth.agent.export;

import dev.runtruth.agent.listeners.Listener;
import dev.runtruth.agent.listeners.ListenerInventory;
import dev.runtruth.model.ListenerState;
import dev.runtruth.model.MetricNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the process listens on, computed at scrape time from a {@link ListenerInventory}:
 * <ul>
 *   <li>{@code runtruth_listener_info{address,port,state} 1}: one series per TCP socket the process accepts
 *       connections on (the agent's own endpoint, JMX, JDWP and {@code ignore_ports} left out); {@code state} is
 *       {@code served} (a captured framework's server is bound to the port) or {@code unknown} (no framework the agent
 *       reads is known to serve it: a coverage gap);</li>
 *   <li>{@code runtruth_listener_discovery_available}: 1 when the agent can read the process's listening sockets
 *       (Linux procfs), 0 when it cannot, and then there is no {@code runtruth_listener_info} at all.</li>
 * </ul>
 */
public final class ListenerMetrics implements MultiCollector {

    /** Info family name; exposed as {@code runtruth_listener_info}. */
    public static final String LISTENER = MetricNames.LISTENER_FAMILY;
    /** Gauge: 1 when listener discovery works in this process, else 0. */
    public static final String DISCOVERY = MetricNames.LISTENER_DISCOVERY_AVAILABLE;
    /** Most {@code runtruth_listener_info} series: more than any service listens on. */
    public static final int MAX_LISTENERS = 256;

    private final Supplier<ListenerInventory.Snapshot> listeners;
    private final SeriesCap cap;

    /**
     * @param listeners read at every scrape; must not throw
     * @param cap       bounds {@code runtruth_listener_info}; {@code null} for none
     */
    public ListenerMetrics(Supplier<ListenerInventory.Snapshot> listeners, SeriesCap cap) {
        this.listeners = listeners;
        this.cap = cap;
    }

    /** @param registry the agent's private registry */
    public void register(PrometheusRegistry registry) {
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        ListenerInventory.Snapshot snapshot = listeners.get();
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(LISTENER)
                .help("A TCP port the process accepts connections on: state=served when a framework the agent "
                        + "reads serves routes there, state=unknown when none is known to (a coverage gap)");
        List<Map.Entry<Listener, ListenerState>> all =
                new ArrayList<Map.Entry<Listener, ListenerState>>(snapshot.listeners().entrySet());
        List<Map.Entry<Listener, ListenerState>> kept = cap == null ? all : cap.limit(LISTENER + "_info", all);
        for (Map.Entry<Listener, ListenerState> e : kept) {
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                    MetricNames.ADDRESS, e.getKey().address(), MetricNames.PORT, Integer.toString(e.getKey().port()),
                    MetricNames.STATE, e.getValue().label())).build());
        }
        GaugeSnapshot discovery = GaugeSnapshot.builder().name(DISCOVERY)
                .help("1 when the agent can read the TCP ports this process listens on (Linux /proc), 0 when it "
                        + "cannot tell")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(snapshot.available() ? 1 : 0).build())
                .build();
        return MetricSnapshots.of(info.build(), discovery);
    }
}
