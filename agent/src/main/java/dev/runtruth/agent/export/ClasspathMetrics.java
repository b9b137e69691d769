package dev.runtruth.agent.export;

import dev.runtruth.model.MetricNames;
import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.model.MetricNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.function.Supplier;

/**
 * Classpath metrics:
 * <ul>
 *   <li>{@code runtruth_classpath_entry_info{artifact,name,version,sha256,location,kind} 1}: one series per jar or
 *       directory whose classes are loaded; {@code artifact} is its identity ({@link ClasspathEntry#artifact()});</li>
 *   <li>{@code runtruth_classpath_entries}: their number.</li>
 * </ul>
 */
public final class ClasspathMetrics implements MultiCollector {

    /** Info family name; exposed as {@code runtruth_classpath_entry_info}. */
    public static final String ENTRY = MetricNames.CLASSPATH_ENTRY_FAMILY;
    /** Gauge: number of entries. */
    public static final String ENTRIES = MetricNames.CLASSPATH_ENTRIES;

    private final Supplier<List<ClasspathEntry>> entries;
    private final boolean detail;
    private SeriesCap cap;

    /** @param entries read at scrape time; must not throw */
    public ClasspathMetrics(Supplier<List<ClasspathEntry>> entries) {
        this(entries, true);
    }

    /**
     * @param entries read at scrape time; must not throw
     * @param detail  {@code false} leaves out {@code runtruth_classpath_entry_info} (agent option {@code classpath=off}),
     *                the count is exported either way
     */
    public ClasspathMetrics(Supplier<List<ClasspathEntry>> entries, boolean detail) {
        this.entries = entries;
        this.detail = detail;
    }

    /**
     * @param seriesCap bounds {@code runtruth_classpath_entry_info} (family name {@code runtruth_classpath_entry_info});
     *                  {@code runtruth_classpath_entries} always counts every entry
     * @return this
     */
    public ClasspathMetrics cap(SeriesCap seriesCap) {
        this.cap = seriesCap;
        return this;
    }

    /** @param registry the agent's private registry */
    public void register(PrometheusRegistry registry) {
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        List<ClasspathEntry> list = entries.get();
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(ENTRY)
                .help("A jar or directory whose classes are loaded: artifact (groupId:artifactId, else the file name"
                        + " without version), name, version, SHA-256 of its bytes, location");
        for (ClasspathEntry entry : detail && cap != null ? cap.limit(ENTRY + "_info", list) : list) {
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                    MetricNames.ARTIFACT, entry.artifact(), MetricNames.NAME, entry.name(),
                    MetricNames.VERSION, entry.version(), MetricNames.SHA256, entry.sha256(),
                    MetricNames.LOCATION, entry.location(), MetricNames.KIND, entry.kind())).build());
        }
        GaugeSnapshot count = GaugeSnapshot.builder().name(ENTRIES)
                .help("Number of jars and directories whose classes are loaded")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(list.size()).build())
                .build();
        return detail ? MetricSnapshots.of(info.build(), count) : MetricSnapshots.of(count);
    }
}
