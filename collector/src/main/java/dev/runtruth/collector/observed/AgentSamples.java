package dev.runtruth.collector.observed;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.model.InventoryState;
import dev.runtruth.model.ListenerState;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the agent's samples into {@link ObservedRoutes}. The agent exports (names as in the Runtruth agent's metric
 * classes; info metrics per client_java's {@code Info}, so the sample name ends in {@code _info} in both formats):
 * <pre>
 * runtruth_route_info{framework="spring-webmvc",method="GET",route="/api/v1/x/{id}",handler="a.B#m",port=""} 1
 * runtruth_build_info{service="...",version="...",commit="&lt;full sha&gt;",branch="...",build_time="..."} 1
 * runtruth_agent_info{version="..."} 1
 * runtruth_framework_info{framework="javalin",version="6.0.0",state="partial",reason="..."} 1
 * runtruth_capture_errors_total 0
 * runtruth_listener_info{address="0.0.0.0",port="8080",state="served"} 1
 * runtruth_inventory_info{state="starting",reason="..."} 1
 * </pre>
 * Other samples are ignored. A route's {@code port} label (empty or absent: the application's listener) becomes
 * {@link Route#port()}; routes on the application's listener come first, so that where the same route is also served
 * on a separate listener, the application's one is kept when {@link ObservedRoutes} de-duplicates.
 */
final class AgentSamples {

    static final String ROUTE_INFO = MetricNames.ROUTE_INFO;
    static final String BUILD_INFO = MetricNames.BUILD_INFO;
    static final String AGENT_INFO = MetricNames.AGENT_INFO;

    private AgentSamples() {
    }

    /**
     * @param samples parsed exposition samples
     * @param source  names the input in the result and in errors
     * @return routes, build and agent version
     * @throws InputException if none of the three runtruth metrics is present (no agent attached there)
     */
    static ObservedRoutes toObservedRoutes(List<PrometheusTextParser.Sample> samples, String source)
            throws InputException {
        List<Route> routes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        BuildIdentity build = null;
        String agentVersion = null;
        boolean agent = false;
        List<Coverage.Framework> frameworks = new ArrayList<>();
        List<String> unknownPorts = new ArrayList<>();
        long captureErrors = 0;
        InventoryState inventory = InventoryState.UNKNOWN;
        String inventoryReason = "";
        for (PrometheusTextParser.Sample sample : samples) {
            Map<String, String> labels = sample.labels();
            switch (sample.name()) {
                case ROUTE_INFO -> {
                    agent = true;
                    String route = labels.get(MetricNames.ROUTE);
                    if (route == null || route.isEmpty()) {
                        warnings.add(source + ": " + ROUTE_INFO + " sample without a route label " + labels
                                + "; skipped");
                    } else {
                        routes.add(Route.of(labels.get(MetricNames.METHOD), route, labels.get(MetricNames.FRAMEWORK),
                                labels.get(MetricNames.HANDLER)).withPort(labels.get(MetricNames.PORT)));
                    }
                }
                case BUILD_INFO -> {
                    agent = true;
                    if (build == null) {
                        build = new BuildIdentity(labels.get(MetricNames.SERVICE), labels.get(MetricNames.VERSION),
                                labels.get(MetricNames.COMMIT), labels.get(MetricNames.BRANCH),
                                labels.get(MetricNames.BUILD_TIME));
                    } else {
                        warnings.add(source + ": more than one " + BUILD_INFO + " sample; the first one is used");
                    }
                }
                case AGENT_INFO -> {
                    agent = true;
                    agentVersion = labels.get(MetricNames.VERSION);
                }
                case MetricNames.FRAMEWORK_INFO -> frameworks.add(Coverage.Framework.ofLabels(
                        labels.get(MetricNames.FRAMEWORK), labels.get(MetricNames.VERSION),
                        labels.get(MetricNames.STATE), labels.get(MetricNames.REASON)));
                case MetricNames.CAPTURE_ERRORS_TOTAL -> captureErrors += (long) sample.value();
                case MetricNames.LISTENER_INFO -> {
                    if (!ListenerState.SERVED.label().equals(labels.get(MetricNames.STATE))) {
                        unknownPorts.add(Coverage.hostPort(labels.get(MetricNames.ADDRESS),
                                labels.get(MetricNames.PORT)));
                    }
                }
                case MetricNames.INVENTORY_INFO -> {
                    inventory = InventoryState.ofLabel(labels.get(MetricNames.STATE));
                    inventoryReason = labels.getOrDefault(MetricNames.REASON, "");
                }
                default -> {
                    // other metrics of the agent or the application
                }
            }
        }
        if (!agent) {
            throw new InputException(source, "Prometheus text without runtruth metrics (" + ROUTE_INFO + ", "
                    + BUILD_INFO + ", " + AGENT_INFO + "): is the Runtruth agent attached to this service?");
        }
        routes.sort(java.util.Comparator.comparing(Route::onSeparateListener)); // stable: application's first
        return new ObservedRoutes(source, build == null ? BuildIdentity.unknown() : build, agentVersion, routes,
                warnings, new Coverage(frameworks, captureErrors, unknownPorts, inventory, inventoryReason));
    }
}
