package dev.runtruth.agent.export;

import dev.runtruth.agent.coverage.FrameworkCoverage;
import dev.runtruth.model.MetricNames;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/**
 * {@code runtruth_framework_info{framework,version,state,reason} 1}: one series per web framework present in the
 * process, with whether the agent could read its routes (states in {@link dev.runtruth.model.FrameworkState}). Built by
 * {@link RouteMetrics} from the same read as the routes, so a scrape's routes and coverage always agree.
 */
final class FrameworkMetrics {

    private FrameworkMetrics() {
    }

    /**
     * @param coverage the frameworks present, at most one entry per framework name
     * @return the info family, empty (no series) when no framework is present
     */
    static InfoSnapshot snapshot(List<FrameworkCoverage> coverage) {
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(MetricNames.FRAMEWORK_FAMILY)
                .help("A web framework present in this JVM and whether the agent could read its routes: state is "
                        + "captured, partial (some detail failed), failed (nothing read) or unsupported (not read)");
        for (FrameworkCoverage c : coverage) {
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                    MetricNames.FRAMEWORK, c.framework(), MetricNames.VERSION, c.version(),
                    MetricNames.STATE, c.state().label(), MetricNames.REASON, c.reason())).build());
        }
        return info.build();
    }
}
