package dev.runtruth.agent.export;

import dev.runtruth.model.MetricNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the series of each info family the agent serves and counts what it leaves out, exported as
 * {@code runtruth_series_dropped_total{family}}: each scrape that finds more series than the cap adds the number it
 * left out, so {@code rate(runtruth_series_dropped_total[5m]) > 0} means "the cap is cutting right now". Every capped
 * family has a series from the start (value 0), so an alert has something to compare against. Thread-safe.
 *
 * <p>The capped collectors are registered through {@link #register(PrometheusRegistry, MultiCollector...)}, which
 * collects them before the counter in one pass: a registry's collectors are unordered, and a separately registered
 * counter could be read before the scrape that drops, one scrape late.
 */
public final class SeriesCap implements MultiCollector {

    /** Counter family name; exposed as {@code runtruth_series_dropped_total}. */
    public static final String DROPPED = MetricNames.SERIES_DROPPED_FAMILY;

    private final Map<String, Integer> caps = new TreeMap<String, Integer>();
    private final Map<String, AtomicLong> dropped = new TreeMap<String, AtomicLong>();
    private final List<MultiCollector> capped = new ArrayList<MultiCollector>();

    /**
     * @param family the exposed family name, e.g. {@code runtruth_route_info}
     * @param max    most series served, {@code >= 0}
     * @return this
     */
    public synchronized SeriesCap cap(String family, int max) {
        caps.put(family, max);
        dropped.put(family, new AtomicLong());
        return this;
    }

    /**
     * @param family a family given to {@link #cap}; an unknown family is not capped
     * @param series this scrape's series, in the order they are kept (the first {@code max} survive)
     * @param <T>    the series type
     * @return {@code series} itself when within the cap, else a copy of its first {@code max} elements
     */
    public <T> List<T> limit(String family, List<T> series) {
        Integer max;
        AtomicLong counter;
        synchronized (this) {
            max = caps.get(family);
            counter = dropped.get(family);
        }
        if (max == null || series.size() <= max) {
            return series;
        }
        counter.addAndGet(series.size() - max);
        return new ArrayList<T>(series.subList(0, max));
    }

    /**
     * Registers this counter together with the collectors it caps.
     *
     * @param registry the agent's private registry
     * @param cappedCollectors collectors that call {@link #limit}; collected before the counter, at every scrape
     */
    public void register(PrometheusRegistry registry, MultiCollector... cappedCollectors) {
        synchronized (this) {
            for (MultiCollector collector : cappedCollectors) {
                capped.add(collector);
            }
        }
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        List<MultiCollector> delegates;
        synchronized (this) {
            delegates = new ArrayList<MultiCollector>(capped);
        }
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        for (MultiCollector collector : delegates) {
            for (MetricSnapshot snapshot : collector.collect()) {
                all.metricSnapshot(snapshot);
            }
        }
        return all.metricSnapshot(counter()).build();
    }

    private synchronized CounterSnapshot counter() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(DROPPED)
                .help("Series left out because a family reached its cap (agent options max_routes, max_jars), "
                        + "summed over scrapes");
        for (Map.Entry<String, AtomicLong> e : dropped.entrySet()) {
            counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of(MetricNames.FAMILY, e.getKey())).value(e.getValue().get()).build());
        }
        return counter.build();
    }
}
