package dev.runtruth.agent.export;

import dev.runtruth.model.MetricNames;
import dev.runtruth.agent.classpath.ApplicationBuild;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Supplier;

/**
 * {@code runtruth_build_info{service,version,commit,branch,build_time} 1}: the application's own build identity.
 * {@code commit} is the full git commit id from the application's {@code git.properties}; empty when the build
 * recorded none.
 */
public final class BuildMetrics implements MultiCollector {

    /** Info family name; exposed as {@code runtruth_build_info}. */
    public static final String BUILD = MetricNames.BUILD_FAMILY;

    private final Supplier<ApplicationBuild> identity;
    private final Supplier<String> service;

    /**
     * @param identity the application's build identity, read at scrape time
     * @param service  the service name, read at scrape time
     */
    public BuildMetrics(Supplier<ApplicationBuild> identity, Supplier<String> service) {
        this.identity = identity;
        this.service = service;
    }

    /** @param registry the agent's private registry */
    public void register(PrometheusRegistry registry) {
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        ApplicationBuild build = identity.get();
        return MetricSnapshots.of(InfoSnapshot.builder().name(BUILD)
                .help("Build identity of the application running in this JVM (git.properties, build-info, MANIFEST)")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                        MetricNames.SERVICE, service.get(), MetricNames.VERSION, build.version(),
                        MetricNames.COMMIT, build.commit(), MetricNames.BRANCH, build.branch(),
                        MetricNames.BUILD_TIME, build.buildTime())).build())
                .build());
    }
}
