package dev.runtruth.agent;

import dev.runtruth.agent.classpath.BuildIdentity;
import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.agent.export.AgentMetrics;
import dev.runtruth.agent.export.BuildMetrics;
import dev.runtruth.agent.export.ClasspathMetrics;
import dev.runtruth.agent.export.ManifestDump;
import dev.runtruth.agent.export.MetricsEndpoint;
import dev.runtruth.agent.export.RouteMetrics;
import dev.runtruth.agent.export.SeriesCap;
import dev.runtruth.agent.instrument.LazyTransformer;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.Frameworks;
import dev.runtruth.agent.routes.RouteRegistry;
import dev.runtruth.model.Route;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Entry point of {@code -javaagent:runtruth-agent.jar[=options]}.
 *
 * <p>{@code premain} does the least it can: parse options, register one name-filtering class transformer, and start
 * a daemon thread that opens the metrics endpoint. It never throws and never exits: an inventory agent that fails
 * means "no metrics", never "no application".
 */
public final class RuntruthAgent {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private RuntruthAgent() {
    }

    /**
     * Called by the JVM before {@code main} when started with {@code -javaagent}.
     *
     * @param agentArgs the text after {@code =} in the {@code -javaagent} flag, or {@code null}
     * @param inst      the JVM's instrumentation
     */
    public static void premain(String agentArgs, Instrumentation inst) {
        startSafely(agentArgs, inst);
    }

    /**
     * Called when the agent is attached to a running JVM. Routes of a {@code DispatcherServlet} created before the
     * attach are not seen; the classpath and build identity are.
     *
     * @param agentArgs options as for {@link #premain}
     * @param inst      the JVM's instrumentation
     */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        startSafely(agentArgs, inst);
    }

    private static void startSafely(String agentArgs, Instrumentation inst) {
        try {
            // A second -javaagent of Runtruth (same jar twice, or another copy or version: the JVM loads this class
            // from the first jar on the class path either way) would hook every type twice and fight for the port.
            if (!STARTED.compareAndSet(false, true)) {
                System.err.println("[runtruth] WARN a second Runtruth agent (options '" + (agentArgs == null ? ""
                        : agentArgs) + "') is ignored: Runtruth " + version() + " already runs in this JVM");
                return;
            }
            start(agentArgs, inst);
        } catch (Throwable t) {
            System.err.println("[runtruth] WARN agent not started, the application runs on without it: " + t);
        }
    }

    private static void start(String agentArgs, Instrumentation inst) {
        long started = System.nanoTime();
        AgentArgs args;
        try {
            args = AgentArgs.resolve(agentArgs, System.getProperties(), System.getenv());
        } catch (ConfigurationException e) {
            AgentLog.warn("args", e.getMessage() + "; using the defaults for those");
            args = e.usable();
        }
        if (args.debug()) {
            AgentLog.enableDebug();
        }
        // the max_routes cap is applied once, at export, where what it drops is counted
        final RouteRegistry routes = new RouteRegistry(Integer.MAX_VALUE);
        List<TypeHook> hooks = new ArrayList<TypeHook>();
        List<String> prefixes = new ArrayList<String>();
        for (FrameworkCapture capture : Frameworks.all()) {
            routes.add(capture.framework(), capture.source());
            hooks.addAll(capture.hooks());
            prefixes.add(capture.warmUpPrefix());
        }
        inst.addTransformer(new LazyTransformer(hooks, prefixes.toArray(new String[0])), false);
        final double premainSeconds = (System.nanoTime() - started) / 1e9;
        final AgentArgs options = args;
        final Inventory inventory = new Inventory(inst, args.service());
        Thread endpoint = new Thread(new Runnable() {
            @Override
            public void run() {
                MetricsEndpoint.start(options.host(), options.port(), registry(routes, inventory, premainSeconds,
                        options), options.endpoint());
            }
        }, "runtruth-endpoint-start");
        endpoint.setDaemon(true);
        endpoint.start();
        if (!args.dump().isEmpty()) {
            startDump(args, routes, inventory);
        }
        AgentLog.debug("premain took " + premainSeconds * 1000 + " ms; options " + args);
    }

    private static void startDump(final AgentArgs options, final RouteRegistry routes, final Inventory inventory) {
        ManifestDump.start(options.dump(), new ManifestDump(Paths.get(options.dump()), new Supplier<List<Route>>() {
            @Override
            public List<Route> get() {
                return routes.routes();
            }
        }, new Supplier<BuildIdentity>() {
            @Override
            public BuildIdentity get() {
                return inventory.identity();
            }
        }, new Supplier<String>() {
            @Override
            public String get() {
                return inventory.service();
            }
        }, new Supplier<List<ClasspathEntry>>() {
            @Override
            public List<ClasspathEntry> get() {
                return options.classpathDetail() ? inventory.classpath() : Collections.<ClasspathEntry>emptyList();
            }
        }, "runtruth-agent " + version()));
    }

    private static PrometheusRegistry registry(final RouteRegistry routes, final Inventory inventory,
            double premainSeconds, AgentArgs options) {
        PrometheusRegistry registry = new PrometheusRegistry();
        SeriesCap cap = new SeriesCap()
                .cap(RouteMetrics.ROUTE + "_info", options.endpoint().maxRoutes())
                .cap(ClasspathMetrics.ENTRY + "_info", options.endpoint().maxJars());
        RouteMetrics routeMetrics = new RouteMetrics(new Supplier<List<Route>>() {
            @Override
            public List<Route> get() {
                return routes.routes();
            }
        }, cap);
        new BuildMetrics(new Supplier<BuildIdentity>() {
            @Override
            public BuildIdentity get() {
                return inventory.identity();
            }
        }, new Supplier<String>() {
            @Override
            public String get() {
                return inventory.service();
            }
        }).register(registry);
        ClasspathMetrics classpathMetrics = new ClasspathMetrics(new Supplier<List<ClasspathEntry>>() {
            @Override
            public List<ClasspathEntry> get() {
                return inventory.classpath();
            }
        }, options.classpathDetail()).cap(cap);
        cap.register(registry, routeMetrics, classpathMetrics); // the capped families, then their drop counts
        new AgentMetrics(version(), new Supplier<Long>() {
            @Override
            public Long get() {
                return CaptureErrors.count() + inventory.errors();
            }
        }, premainSeconds).register(registry);
        return registry;
    }

    private static String version() {
        String version = RuntruthAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
