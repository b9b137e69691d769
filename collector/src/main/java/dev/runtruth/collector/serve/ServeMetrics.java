package dev.runtruth.collector.serve;

import dev.runtruth.collector.drift.CommitComparison;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.Verdict;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.model.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The series {@code runtruth serve} exports for one service, all labelled {@code service=<name>} (the Prometheus job
 * of the service's agents, see {@code docs/prometheus.md}). Names as Micrometer's Prometheus registry writes them
 * (dots become underscores; {@code .info} gauges become info metrics, counters get {@code _total}):
 * <ul>
 *   <li>{@code runtruth_expected_route_info{service,method,route}} 1 per expected route;</li>
 *   <li>{@code runtruth_expected_routes{service}} their number;</li>
 *   <li>{@code runtruth_expected_commit_info{service,commit}} 1, when the expected build names a commit;</li>
 *   <li>{@code runtruth_expected_load_timestamp_seconds{service}} when the expected routes were last (re)read;</li>
 *   <li>{@code runtruth_unexpected_route_info{service,method,route}} 1 per route an instance serves that the build
 *       does not declare and no ignore rule covers;</li>
 *   <li>{@code runtruth_drift_routes{service,kind}}: {@code kind="missing"} expected routes at least one instance
 *       that saw everything does not serve, {@code kind="unexpected"} the number of unexpected routes;</li>
 *   <li>{@code runtruth_unseen_routes{service}} expected routes not in the list of an instance with a blind spot (and
 *       not missing on one without): they may be served where its agent cannot see, so they are not drift;</li>
 *   <li>{@code runtruth_verdict_info{service,source,verdict}} 1 per instance ({@code source}: {@code job/instance}
 *       from Prometheus, the agent's URL from {@code agents}), {@code verdict} its {@link DriftReport#verdict()}:
 *       {@code no_drift}, {@code drift} or {@code cannot_tell}, or {@code not_ready} for an instance whose agent
 *       says it is still starting ({@code runtruth_inventory_info{state="starting"}}: its routes are still being
 *       registered, so none of them counts as missing, unseen or unexpected); one series per instance, not four (a
 *       fleet of 10,000 instances re-registers them every comparison);</li>
 *   <li>{@code runtruth_verdict_instances{service,verdict}} the number of instances per verdict, all four always
 *       present;</li>
 *   <li>{@code runtruth_blind_spots{service,source,kind}} per instance with a blind spot and per kind that it has:
 *       {@code kind="framework"} frameworks not captured, {@code "capture_errors"} the agent's capture error count,
 *       {@code "listener"} listeners with no known routes (the agent's own series say which);</li>
 *   <li>{@code runtruth_drift_commit_instances{service}} instances running another commit than the expected one;</li>
 *   <li>{@code runtruth_observed_instances{service}} instances reporting;</li>
 *   <li>{@code runtruth_collector_last_success_timestamp_seconds{service}} end of the last comparison that read both
 *       sides;</li>
 *   <li>{@code runtruth_collector_errors_total{service,stage}} failed reads, {@code stage} is {@code expected} or
 *       {@code observed}.</li>
 * </ul>
 * Thread-safe: the comparison loop writes, scrapes read.
 */
final class ServeMetrics {

    private final String service;
    private final MultiGauge expectedRoutes;
    private final MultiGauge expectedCommit;
    private final MultiGauge unexpectedRoutes;
    private final MultiGauge verdicts;
    private final MultiGauge blindSpots;
    private final AtomicLong unseen = new AtomicLong();
    private final AtomicLong notReady = new AtomicLong();
    private final Map<Verdict, AtomicLong> verdictCounts = new EnumMap<>(Verdict.class);
    private final AtomicLong expectedCount = new AtomicLong();
    private final AtomicLong expectedLoaded = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong commitDiffers = new AtomicLong();
    private final AtomicLong instances = new AtomicLong();
    private final AtomicReference<Double> lastSuccess = new AtomicReference<>(Double.NaN);
    private final Counter expectedErrors;
    private final Counter observedErrors;

    /**
     * Registers the service's meters.
     *
     * @param service  the service name, the {@code service} label
     * @param registry where to register
     */
    ServeMetrics(String service, MeterRegistry registry) {
        this.service = service;
        Tags tags = Tags.of("service", service);
        expectedRoutes = MultiGauge.builder("runtruth.expected.route.info")
                .description("One series per route the expected build declares").register(registry);
        expectedCommit = MultiGauge.builder("runtruth.expected.commit.info")
                .description("The commit the service is expected to run").register(registry);
        unexpectedRoutes = MultiGauge.builder("runtruth.unexpected.route.info")
                .description("One series per served route the expected build does not declare (ignore rules applied)")
                .register(registry);
        Gauge.builder("runtruth.expected.routes", expectedCount, AtomicLong::get).tags(tags)
                .description("Number of expected routes").register(registry);
        Gauge.builder("runtruth.expected.load.timestamp", expectedLoaded, AtomicLong::get).tags(tags)
                .baseUnit("seconds").description("When the expected routes were last read, Unix time")
                .register(registry);
        Gauge.builder("runtruth.drift.routes", missing, AtomicLong::get).tags(tags.and("kind", "missing"))
                .description("Drifting routes: missing on at least one instance, or unexpected").register(registry);
        Gauge.builder("runtruth.drift.routes", unexpected, AtomicLong::get).tags(tags.and("kind", "unexpected"))
                .register(registry);
        Gauge.builder("runtruth.unseen.routes", unseen, AtomicLong::get).tags(tags)
                .description("Expected routes an instance with a blind spot does not report: not known to be missing")
                .register(registry);
        verdicts = MultiGauge.builder("runtruth.verdict.info")
                .description("The verdict of each instance: no_drift, drift or cannot_tell").register(registry);
        blindSpots = MultiGauge.builder("runtruth.blind.spots")
                .description("Per instance with a blind spot and kind: frameworks not captured (framework), capture"
                        + " errors (capture_errors), listeners with no known routes (listener)")
                .register(registry);
        for (Verdict verdict : Verdict.values()) {
            AtomicLong count = new AtomicLong();
            verdictCounts.put(verdict, count);
            Gauge.builder("runtruth.verdict.instances", count, AtomicLong::get)
                    .tags(tags.and("verdict", label(verdict)))
                    .description("Instances per verdict (no_drift, drift, cannot_tell, not_ready)").register(registry);
        }
        Gauge.builder("runtruth.verdict.instances", notReady, AtomicLong::get)
                .tags(tags.and("verdict", NOT_READY)).register(registry);
        Gauge.builder("runtruth.drift.commit.instances", commitDiffers, AtomicLong::get).tags(tags)
                .description("Instances running another commit than the expected one").register(registry);
        Gauge.builder("runtruth.observed.instances", instances, AtomicLong::get).tags(tags)
                .description("Instances reporting Runtruth series").register(registry);
        Gauge.builder("runtruth.collector.last.success.timestamp", lastSuccess, AtomicReference::get).tags(tags)
                .baseUnit("seconds").description("End of the last comparison that read both sides, Unix time")
                .register(registry);
        expectedErrors = Counter.builder("runtruth.collector.errors").tags(tags.and("stage", "expected"))
                .description("Failed reads of the expected or observed side").register(registry);
        observedErrors = Counter.builder("runtruth.collector.errors").tags(tags.and("stage", "observed"))
                .register(registry);
    }

    /** @param expected freshly (re)read expected routes; replaces the previous route and commit series */
    void expected(ExpectedRoutes expected, Instant at) {
        expectedRoutes.register(routeRows(expected.routes()), true);
        String commit = expected.build().commit();
        expectedCommit.register(commit == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("service", service, "commit", commit), 1)), true);
        expectedCount.set(expected.routes().size());
        expectedLoaded.set(at.getEpochSecond());
    }

    /** @param reports one drift report per reporting instance, all of the same comparison */
    void compared(List<DriftReport> reports, Instant at) {
        Set<Route> missingAnywhere = new LinkedHashSet<>();
        Set<Route> unseenAnywhere = new LinkedHashSet<>();
        Set<Route> unexpectedAnywhere = new LinkedHashSet<>();
        int differs = 0;
        Map<Verdict, Integer> perVerdict = new EnumMap<>(Verdict.class);
        List<MultiGauge.Row<?>> verdictRows = new ArrayList<>(reports.size());
        List<MultiGauge.Row<?>> blindRows = new ArrayList<>();
        // instances on the same build share their lists (DriftComparator): add each list once, not once per instance
        Set<List<Route>> missingAdded = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<List<Route>> unseenAdded = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<List<Route>> unexpectedAdded = Collections.newSetFromMap(new IdentityHashMap<>());
        int starting = 0;
        for (DriftReport report : reports) {
            Coverage coverage = report.observed().coverage();
            String source = report.observed().source();
            if (coverage.starting()) {
                // still registering routes: no answer yet, so nothing of its list is drift, unseen or unexpected
                starting++;
                verdictRows.add(MultiGauge.Row.of(Tags.of("service", service, "source", source, "verdict",
                        NOT_READY), 1));
                continue;
            }
            // a route missing from a blind instance's list may be served where its agent cannot see: not drift
            boolean blind = coverage.blind();
            if ((blind ? unseenAdded : missingAdded).add(report.missing())) {
                (blind ? unseenAnywhere : missingAnywhere).addAll(report.missing());
            }
            if (unexpectedAdded.add(report.unexpected())) {
                unexpectedAnywhere.addAll(report.unexpected());
            }
            differs += report.commit() == CommitComparison.DIFFERENT ? 1 : 0;
            Verdict verdict = report.verdict();
            perVerdict.merge(verdict, 1, Integer::sum);
            verdictRows.add(MultiGauge.Row.of(Tags.of("service", service, "source", source, "verdict",
                    label(verdict)), 1));
            if (blind) {
                blindRows.addAll(blindRows(source, coverage));
            }
        }
        unseenAnywhere.removeAll(missingAnywhere);
        unexpectedRoutes.register(routeRows(unexpectedAnywhere), true);
        verdicts.register(verdictRows, true);
        blindSpots.register(blindRows, true);
        verdictCounts.forEach((verdict, count) -> count.set(perVerdict.getOrDefault(verdict, 0)));
        notReady.set(starting);
        unseen.set(unseenAnywhere.size());
        missing.set(missingAnywhere.size());
        unexpected.set(unexpectedAnywhere.size());
        commitDiffers.set(differs);
        instances.set(reports.size());
        lastSuccess.set(at.toEpochMilli() / 1000.0);
    }

    /** Counts a failed read of the expected side. */
    void expectedError() {
        expectedErrors.increment();
    }

    /** Counts a failed read of the observed side. */
    void observedError() {
        observedErrors.increment();
    }

    /** The {@code verdict} label of an instance whose agent says it is still starting ({@code Coverage#starting()}). */
    static final String NOT_READY = "not_ready";

    /** @return the verdict as a label value: {@code no_drift}, {@code drift}, {@code cannot_tell} */
    static String label(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    private List<MultiGauge.Row<?>> blindRows(String source, Coverage coverage) {
        long frameworks = coverage.frameworks().stream().filter(f -> f.state().blind()).count();
        List<MultiGauge.Row<?>> rows = new ArrayList<>(3);
        long[] values = {frameworks, coverage.captureErrors(), coverage.unknownPorts().size()};
        String[] kinds = {"framework", "capture_errors", "listener"};
        for (int i = 0; i < kinds.length; i++) {
            if (values[i] > 0) {
                rows.add(MultiGauge.Row.of(Tags.of("service", service, "source", source, "kind", kinds[i]),
                        values[i]));
            }
        }
        return rows;
    }

    private List<MultiGauge.Row<?>> routeRows(Collection<Route> routes) {
        return routes.stream().<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of("service", service,
                "method", r.method(), "route", r.template()), 1)).toList();
    }
}
