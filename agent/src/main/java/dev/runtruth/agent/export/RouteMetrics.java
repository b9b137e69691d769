package dev.runtruth.agent.export;

import dev.runtruth.agent.coverage.CoverageAssessor;
import dev.runtruth.agent.coverage.FrameworkCoverage;
import dev.runtruth.agent.routes.RouteRead;
import dev.runtruth.agent.routes.RouteRegistry;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import java.util.Collections;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Route metrics, computed at scrape time from a route supplier:
 * <ul>
 *   <li>{@code runtruth_route_info{framework,method,route,handler,port} 1}: one series per registered route;
 *       {@code port} is empty for a route on the application's listener(s), else the port(s) of the separate
 *       administration listener that serves it ({@link Route#port()});</li>
 *   <li>{@code runtruth_routes{framework}}: the number of routes per framework;</li>
 *   <li>{@code runtruth_framework_info{framework,version,state,reason} 1}: the web frameworks present and whether
 *       their routes could be read ({@link FrameworkMetrics}), from the same read as the routes.</li>
 * </ul>
 */
public final class RouteMetrics implements MultiCollector {

    /** Info family name; exposed as {@code runtruth_route_info}. */
    public static final String ROUTE = MetricNames.ROUTE_FAMILY;
    /** Gauge: routes per framework. */
    public static final String ROUTES = MetricNames.ROUTES;

    private final Supplier<List<Route>> routes;
    private final RouteRegistry registry;
    private final CoverageAssessor assessor;
    private final SeriesCap cap;

    /** @param routes read at every scrape; must not throw */
    public RouteMetrics(Supplier<List<Route>> routes) {
        this(routes, null);
    }

    /**
     * @param routes read at every scrape; must not throw
     * @param cap    bounds {@code runtruth_route_info} (family name {@code runtruth_route_info}); {@code null} for
     *               none. {@code runtruth_routes} always counts every route.
     */
    public RouteMetrics(Supplier<List<Route>> routes, SeriesCap cap) {
        this.routes = routes;
        this.registry = null;
        this.assessor = null;
        this.cap = cap;
    }

    /**
     * @param registry read once at every scrape
     * @param assessor turns each read into the coverage of the frameworks present
     * @param cap      bounds {@code runtruth_route_info}; {@code null} for none
     */
    public RouteMetrics(RouteRegistry registry, CoverageAssessor assessor, SeriesCap cap) {
        this.routes = null;
        this.registry = registry;
        this.assessor = assessor;
        this.cap = cap;
    }

    /** @param registry the agent's private registry */
    public void register(PrometheusRegistry registry) {
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(ROUTE)
                .help("An HTTP route the application's framework registered: method (upper case, * = any), "
                        + "route (path template as a client requests it), handler, and port (empty on the application's "
                        + "listener, else the separate admin listener's port)");
        Map<String, Integer> perFramework = new TreeMap<String, Integer>();
        List<Route> all;
        List<FrameworkCoverage> coverage;
        if (registry != null) {
            RouteRead read = registry.read();
            all = read.routes();
            coverage = assessor.assess(read);
        } else {
            all = routes.get();
            coverage = Collections.emptyList();
        }
        List<Route> kept = cap == null ? all : cap.limit(ROUTE + "_info", all);
        for (Route route : kept) {
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                    MetricNames.FRAMEWORK, route.framework(), MetricNames.METHOD, route.method(),
                    MetricNames.ROUTE, route.template(), MetricNames.HANDLER, route.handler(),
                    MetricNames.PORT, route.port())).build());
        }
        for (Route route : all) {
            Integer n = perFramework.get(route.framework());
            perFramework.put(route.framework(), n == null ? 1 : n + 1);
        }
        GaugeSnapshot.Builder count = GaugeSnapshot.builder().name(ROUTES)
                .help("Number of HTTP routes registered, per framework");
        for (Map.Entry<String, Integer> e : perFramework.entrySet()) {
            count.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of(MetricNames.FRAMEWORK, e.getKey())).value(e.getValue()).build());
        }
        return MetricSnapshots.of(info.build(), count.build(), FrameworkMetrics.snapshot(coverage));
    }
}
