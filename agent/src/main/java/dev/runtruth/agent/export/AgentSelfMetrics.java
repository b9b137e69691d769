package dev.runtruth.agent.export;

import dev.runtruth.model.MetricNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.Supplier;

/**
 * The agent's own health:
 * <ul>
 *   <li>{@code runtruth_agent_info{version} 1};</li>
 *   <li>{@code runtruth_capture_errors_total}: failures swallowed inside capture code (should stay 0);</li>
 *   <li>{@code runtruth_agent_premain_duration_seconds}: time spent in {@code premain}, in seconds.</li>
 * </ul>
 */
public final class AgentSelfMetrics implements MultiCollector {

    /** Info family name; exposed as {@code runtruth_agent_info}. */
    public static final String AGENT = MetricNames.AGENT_FAMILY;
    /** Counter family name; exposed as {@code runtruth_capture_errors_total}. */
    public static final String CAPTURE_ERRORS = MetricNames.CAPTURE_ERRORS_FAMILY;
    /** Gauge, seconds. */
    public static final String PREMAIN_DURATION = MetricNames.AGENT_PREMAIN_DURATION_SECONDS;

    private final String version;
    private final Supplier<Long> captureErrors;
    private final double premainSeconds;

    /**
     * @param version        the agent version (jar manifest {@code Implementation-Version})
     * @param captureErrors  read at every scrape
     * @param premainSeconds measured duration of {@code premain}, seconds
     */
    public AgentSelfMetrics(String version, Supplier<Long> captureErrors, double premainSeconds) {
        this.version = version;
        this.captureErrors = captureErrors;
        this.premainSeconds = premainSeconds;
    }

    /** @param registry the agent's private registry */
    public void register(PrometheusRegistry registry) {
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        return MetricSnapshots.of(
                InfoSnapshot.builder().name(AGENT).help("The Runtruth agent attached to this JVM")
                        .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                                .labels(Labels.of(MetricNames.VERSION, version)).build())
                        .build(),
                CounterSnapshot.builder().name(CAPTURE_ERRORS)
                        .help("Failures swallowed inside the agent's capture code; each kind is logged once")
                        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                                .value(captureErrors.get()).build())
                        .build(),
                GaugeSnapshot.builder().name(PREMAIN_DURATION).unit(Unit.SECONDS)
                        .help("Time the agent spent in premain, blocking the application's start")
                        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(premainSeconds).build())
                        .build());
    }
}
