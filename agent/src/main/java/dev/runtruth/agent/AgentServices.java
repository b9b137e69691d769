package dev.runtruth.agent;

import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.agent.coverage.CoverageAssessor;
import dev.runtruth.agent.discovery.Discovery;
import dev.runtruth.agent.export.AgentSelfMetrics;
import dev.runtruth.agent.export.BuildMetrics;
import dev.runtruth.agent.export.ClasspathMetrics;
import dev.runtruth.agent.export.InventoryMetrics;
import dev.runtruth.agent.export.ListenerMetrics;
import dev.runtruth.agent.export.ManifestDump;
import dev.runtruth.agent.export.MetricsEndpoint;
import dev.runtruth.agent.export.MetricsServer;
import dev.runtruth.agent.export.RouteMetrics;
import dev.runtruth.agent.export.SeriesCap;
import dev.runtruth.agent.listeners.ListenerInventory;
import dev.runtruth.agent.readiness.StartupState;
import dev.runtruth.agent.routes.Frameworks;
import dev.runtruth.agent.routes.RouteRegistry;
import dev.runtruth.model.InventoryState;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the agent runs after premain, on its {@code runtruth-init} daemon thread: the framework captures' route
 * sources, the private metrics registry and its HTTP endpoint, and the manifest dump. A class of its own so that none
 * of this (client_java, the capture classes) is loaded while premain blocks the application's start.
 */
final class AgentServices {

    private AgentServices() {
    }

    /**
     * Starts the services, then, with hook-free discovery, watches the JVM's growth for new framework objects
     * ({@link Discovery#watch}): with hook-free discovery this does not return. Never throws: each failure is one
     * warning.
     *
     * @param options        the agent's options
     * @param inventory      build identity and classpath, read at scrape time
     * @param premainSeconds measured duration of premain, seconds
     * @param version        the agent's version
     * @param attached       whether the agent was attached to a running JVM: then discovery walks before the endpoint
     *                       opens, so the first scrape sees the framework objects created before the attach (with
     *                       hook-free discovery it does so under {@code -javaagent} too)
     */
    static void start(AgentArgs options, Inventory inventory, double premainSeconds, String version,
            boolean attached) {
        try {
            Discovery discovery = Discovery.install(new Discovery(inventory.instrumentation(), options.walk(),
                    Frameworks::hooks, () -> StartupState.read().state() == InventoryState.STARTING));
            if (attached || options.walk().hookFree()) {
                discovery.walkAtStart(attached ? "attach" : "start");
            }
            // the captures are created at the first read of the routes (a scrape, the dump) or, by the transformer,
            // when a framework's first class loads; the max_routes cap is applied at export, where drops are counted.
            // Each read also lets discovery look again for a framework whose objects it has not found yet.
            RouteRegistry routes = RouteRegistry.of(Frameworks::all, discovery::onScrape);
            AtomicInteger ownPort = new AtomicInteger(options.port());
            MetricsServer server = MetricsEndpoint.start(options.host(), options.port(),
                    registry(routes, inventory, premainSeconds, options, version, ownPort), options.endpoint());
            if (server != null) {
                ownPort.set(server.getPort()); // port=0: the port the endpoint got
            }
            if (!options.dump().isEmpty()) {
                startDump(options, routes, inventory, version);
            }
            discovery.watch();
        } catch (Throwable t) {
            AgentLog.warn("init", "agent services not started, the application runs on without them", t);
        }
    }

    private static void startDump(AgentArgs options, RouteRegistry routes, Inventory inventory, String version) {
        boolean jars = options.classpathDetail();
        ManifestDump.start(options.dump(), new ManifestDump(Paths.get(options.dump()), routes::routes,
                inventory::identity, inventory::service,
                () -> jars ? inventory.classpath() : Collections.<ClasspathEntry>emptyList(),
                "runtruth-agent " + version));
    }

    private static PrometheusRegistry registry(RouteRegistry routes, Inventory inventory, double premainSeconds,
            AgentArgs options, String version, AtomicInteger ownPort) {
        PrometheusRegistry registry = new PrometheusRegistry();
        SeriesCap cap = new SeriesCap()
                .cap(RouteMetrics.ROUTE + "_info", options.endpoint().maxRoutes())
                .cap(ClasspathMetrics.ENTRY + "_info", options.endpoint().maxJars())
                .cap(ListenerMetrics.LISTENER + "_info", ListenerMetrics.MAX_LISTENERS);
        RouteMetrics routeMetrics = new RouteMetrics(routes, new CoverageAssessor(inventory), cap);
        new BuildMetrics(inventory::identity, inventory::service).register(registry);
        ClasspathMetrics classpathMetrics = new ClasspathMetrics(inventory::classpath, options.classpathDetail())
                .cap(cap);
        ListenerInventory listeners = ListenerInventory.create(options.ignorePorts(), ownPort::get,
                inventory.instrumentation());
        ListenerMetrics listenerMetrics = new ListenerMetrics(listeners::read, cap);
        // the capped families, then their drop counts
        cap.register(registry, routeMetrics, classpathMetrics, listenerMetrics);
        new InventoryMetrics().register(registry);
        new AgentSelfMetrics(version, () -> CaptureErrors.count() + inventory.errors(), premainSeconds).register(registry);
        return registry;
    }
}
