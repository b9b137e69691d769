package dev.runtruth.agent.export;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.readiness.StartupState;
import dev.runtruth.model.InventoryState;
import dev.runtruth.model.MetricNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.Callable;

/**
 * {@code runtruth_inventory_info{state,reason} 1}: exactly one series saying whether the agent's inventory is complete
 * ({@link InventoryState}: {@code ready}, {@code starting}, {@code unknown}), read at scrape time from
 * {@link StartupState}. A failure to read is counted in the capture errors and exported as {@code unknown}.
 */
public final class InventoryMetrics implements MultiCollector {

    private final Callable<StartupState.Reading> reader;

    /** Reads {@link StartupState#read()}. */
    public InventoryMetrics() {
        this(new Callable<StartupState.Reading>() {
            @Override
            public StartupState.Reading call() {
                return StartupState.read();
            }
        });
    }

    /** @param reader the state at scrape time; may throw, which is counted and exported as {@code unknown} */
    InventoryMetrics(Callable<StartupState.Reading> reader) {
        this.reader = reader;
    }

    /** @param registry the agent's private registry */
    public void register(PrometheusRegistry registry) {
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        String state;
        String reason;
        try {
            StartupState.Reading reading = reader.call();
            state = reading.state().label();
            reason = reading.reason();
        } catch (Throwable t) {
            CaptureErrors.record("inventory.state", "cannot read whether the application finished starting", t);
            state = InventoryState.UNKNOWN.label();
            reason = "the agent could not read it: " + t.getClass().getSimpleName();
        }
        return MetricSnapshots.of(InfoSnapshot.builder().name(MetricNames.INVENTORY_FAMILY)
                .help("Whether the agent's inventory is complete: state is ready (the frameworks it follows finished"
                        + " starting), starting (routes may still be added: not an answer yet) or unknown")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                        MetricNames.STATE, state, MetricNames.REASON, reason)).build())
                .build());
    }
}
