package dev.runtruth.agent;

import dev.runtruth.agent.discovery.WalkProven;
import dev.runtruth.agent.instrument.ClassLoadActivity;
import dev.runtruth.agent.instrument.HookSelection;
import dev.runtruth.agent.instrument.LazyTransformer;
import dev.runtruth.agent.instrument.ModuleAccess;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.Frameworks;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point of {@code -javaagent:runtruth-agent.jar[=options]}.
 *
 * <p>{@code premain} does the least it can: parse options, register a name-filtering class transformer only when a
 * family that still needs a constructor hook is on the class path ({@link HookSelection}; with hook-free discovery,
 * the default, the other families are found by walks), and start a daemon thread that, once the application's class
 * loading pauses (at most {@value #MAX_WAIT_MILLIS} ms after premain), walks for the framework objects and opens the
 * metrics endpoint. It never throws and never exits: an inventory agent that fails means "no metrics", never "no
 * application".
 */
public final class RuntruthAgent {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** The endpoint opens once no class has loaded for this long, milliseconds ... */
    static final long QUIET_MILLIS = 200;

    /** ... or after this long at the latest, milliseconds. */
    static final long MAX_WAIT_MILLIS = 10000;

    private RuntruthAgent() {
    }

    /**
     * Called by the JVM before {@code main} when started with {@code -javaagent}.
     *
     * @param agentArgs the text after {@code =} in the {@code -javaagent} flag, or {@code null}
     * @param inst      the JVM's instrumentation
     */
    public static void premain(String agentArgs, Instrumentation inst) {
        startSafely(agentArgs, inst, false);
    }

    /**
     * Called when the agent is attached to a running JVM. Framework objects created before the attach are found by
     * hook-free discovery ({@code Discovery}: a bounded walk of the object graph, before the endpoint opens); a
     * framework whose classes are loaded but whose objects were not found reads {@code failed}. Unless a {@code host}
     * is given (option, {@code -Druntruth.host}, {@code RUNTRUTH_HOST}), a late attach serves on {@code 127.0.0.1}:
     * it is an on-call look into one process, not a scrape target.
     *
     * @param agentArgs options as for {@link #premain}
     * @param inst      the JVM's instrumentation
     */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        startSafely(withLoopbackDefault(agentArgs), inst, true);
    }

    /** @return the options with {@code host=127.0.0.1} added when no host is given anywhere */
    static String withLoopbackDefault(String agentArgs) {
        String options = agentArgs == null ? "" : agentArgs.trim();
        boolean given = options.startsWith("host=") || options.contains(",host=")
                || System.getProperty("runtruth.host") != null || System.getenv("RUNTRUTH_HOST") != null;
        return given ? options : options.isEmpty() ? "host=127.0.0.1" : options + ",host=127.0.0.1";
    }

    private static void startSafely(String agentArgs, Instrumentation inst, boolean attached) {
        try {
            // A second -javaagent of Runtruth (same jar twice, or another copy or version: the JVM loads this class
            // from the first jar on the class path either way) would hook every type twice and fight for the port.
            if (!STARTED.compareAndSet(false, true)) {
                System.err.println("[runtruth] WARN a second Runtruth agent (options '" + (agentArgs == null ? ""
                        : agentArgs) + "') is ignored: Runtruth " + version() + " already runs in this JVM");
                return;
            }
            start(agentArgs, inst, attached);
        } catch (Throwable t) {
            System.err.println("[runtruth] WARN agent not started, the application runs on without it: " + t);
        }
    }

    private static void start(String agentArgs, Instrumentation inst, final boolean attached) {
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
        ModuleAccess.install(inst);
        String[] hooked = HookSelection.select(Frameworks.HOOKED_TYPES, args.walk().hookFree(), WalkProven.TYPES,
                HookSelection.systemClassPath());
        if (hooked.length > 0) {
            inst.addTransformer(new LazyTransformer(new Callable<List<TypeHook>>() {
                @Override
                public List<TypeHook> call() {
                    return Frameworks.hooks();
                }
            }, hooked, HookSelection.prefixesOf(hooked, Frameworks.PREFIXES)), false);
        }
        final double premainSeconds = (System.nanoTime() - started) / 1e9;
        final AgentArgs options = args;
        final Inventory inventory = new Inventory(inst, args.service());
        // everything else (metrics registry, endpoint, manifest dump) is set up off the application's start path,
        // on a daemon thread, once class loading pauses: the application has started, or is waiting on something
        Thread init = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    long waited = ClassLoadActivity.awaitQuiet(QUIET_MILLIS, MAX_WAIT_MILLIS);
                    AgentLog.debug("starting the endpoint after " + waited + " ms");
                } catch (InterruptedException e) {
                    return;
                }
                AgentServices.start(options, inventory, premainSeconds, version(), attached);
            }
        }, "runtruth-init");
        init.setDaemon(true);
        init.start();
        AgentLog.debug("premain took " + premainSeconds * 1000 + " ms; options " + args + "; hooked types "
                + Arrays.toString(hooked));
    }

    static String version() {
        String version = RuntruthAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
