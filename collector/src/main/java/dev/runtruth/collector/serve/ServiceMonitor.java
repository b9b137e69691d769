package dev.runtruth.collector.serve;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.ObservedRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import dev.runtruth.collector.RouteLists;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;

/**
 * One comparison of one service: re-reads the expected routes if their source changed, reads every running instance,
 * compares each with {@link DriftComparator} and publishes the result in {@link ServeMetrics}. A failed read is
 * counted and logged once per distinct message; the last good metrics stay until the next success.
 */
final class ServiceMonitor {

    private final ServeConfig.Service service;
    private final ReloadingExpected expected;
    private final ObservedSource observed;
    private final ServeMetrics metrics;
    private final PrintWriter log;
    private final Clock clock;
    private String lastError;

    /**
     * @param service  the service's configuration
     * @param config   the whole configuration (for the HTTP timeout)
     * @param registry where the service's metrics go
     * @param log      one line per reload and per new error
     * @param clock    time source for timestamps
     */
    ServiceMonitor(ServeConfig.Service service, ServeConfig config, MeterRegistry registry, PrintWriter log,
                   Clock clock) {
        this.service = service;
        this.expected = new ReloadingExpected(service);
        ServeConfig.Observed o = service.observed();
        this.observed = o.prometheus() != null ? new PrometheusApiSource(o.prometheus(), o.selector(), config.timeout())
                : new AgentUrlsSource(o.agents(), config.timeout());
        this.metrics = new ServeMetrics(service.name(), registry);
        this.log = log;
        this.clock = clock;
    }

    /** Runs one comparison; never throws for bad input (it is counted and logged). */
    void compareOnce() {
        ExpectedRoutes routes;
        try {
            routes = expected.get();
            if (expected.reloaded()) {
                metrics.expected(routes, clock.instant());
                log("loaded " + routes.routes().size() + " expected routes from " + routes.source() + ", commit "
                        + (routes.build().commit() == null ? "unknown" : routes.build().commit()));
            }
        } catch (InputException e) {
            metrics.expectedError();
            error(e.getMessage());
            return;
        }
        List<ObservedRoutes> instances;
        try {
            instances = observed.instances();
        } catch (InputException e) {
            metrics.observedError();
            error(e.getMessage());
            return;
        }
        // the default rules follow the paths of the build's configuration, which a reload may change
        IgnoreRules rules = (service.defaultIgnores() ? IgnoreRules.defaults(routes.paths()) : IgnoreRules.none())
                .plus(service.ignore());
        DriftComparator comparator = new DriftComparator(routes, rules); // the expected side's matcher, once
        List<DriftReport> reports = new ArrayList<>(instances.size());
        // instances on one build share one route list: filter each list once, so they still share the result
        Map<List<Route>, List<Route>> application = new IdentityHashMap<>();
        for (ObservedRoutes instance : instances) {
            reports.add(comparator.compare(onApplicationListener(instance, application)));
        }
        metrics.compared(reports, clock.instant());
        if (lastError != null) {
            log("recovered: " + instances.size() + " instances read from " + observed.describe());
            lastError = null;
        }
    }

    /**
     * As {@code check} does by default: the routes of a separate admin or management listener (a {@code port} label,
     * e.g. Dropwizard's admin connector, Spring Boot's {@code management.server.port}) are not compared with the
     * application's build.
     *
     * @param instance one instance's observations
     * @param filtered the application-listener list made so far for each route list, by identity
     * @return the instance with only its application listener's routes; itself when it has no other
     */
    static ObservedRoutes onApplicationListener(ObservedRoutes instance, Map<List<Route>, List<Route>> filtered) {
        List<Route> routes = filtered.computeIfAbsent(instance.routes(), all -> {
            List<Route> own = instance.applicationRoutes();
            return own.size() == all.size() ? all : RouteLists.sortedUnique(own);
        });
        return routes == instance.routes() ? instance : new ObservedRoutes(instance.source(), instance.build(),
                instance.agentVersion(), routes, instance.warnings(), instance.coverage());
    }

    private void error(String message) {
        if (!message.equals(lastError)) {
            log("error: " + message);
            lastError = message;
        }
    }

    private void log(String line) {
        synchronized (log) {
            log.println("runtruth serve: " + service.name() + ": " + line);
            log.flush();
        }
    }
}
