package dev.runtruth.agent.discovery;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.instrument.ConstructorHooks;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.helidon.LoomServerInstrumentation;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hook-free discovery: finds the live framework objects the captures read (the objects their constructor hooks
 * would have remembered) by a bounded walk of the object graph, and hands each to that hook
 * ({@link ConstructorHooks#discovered}), so routes are still read at scrape time from objects held weakly. No class
 * is transformed or redefined for it; it runs on the agent's own threads, never on an application thread.
 *
 * <p>Roots, in this order, each with its own {@link WalkBudget#objects()} budget and one shared visited set and
 * deadline: named anchors ({@link Roots#ANCHORS}: Spring Boot's shutdown hook, Quarkus' recorders, gRPC's channelz,
 * Undertow's and Jetty's statics), {@code java.lang.ApplicationShutdownHooks}, live threads, statics of initialised
 * framework classes.
 *
 * <p>When: at once after a late attach (before the endpoint opens, so the first scrape sees the routes), and at a
 * scrape while a hooked type is loaded but was neither hooked (it loaded before the agent) nor found, at most once per
 * {@link #RETRY_MIN_NANOS} growing to {@link #RETRY_MAX_NANOS} while nothing new is found. A walk that found nothing
 * for such a type leaves its framework reported {@code failed}, with {@link #summary()} in the reason.
 */
public final class Discovery {

    /** Least time between two scrape-triggered walks. */
    static final long RETRY_MIN_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The interval doubles while walks find nothing new, up to this. */
    static final long RETRY_MAX_NANOS = TimeUnit.MINUTES.toNanos(10);

    private static volatile Discovery current;

    private final Instrumentation inst;
    private final WalkBudget budget;
    private final Callable<List<TypeHook>> hooks;
    private final AtomicBoolean running = new AtomicBoolean();
    private JdkAccess access;
    private volatile WalkResult last;
    private volatile long nextWalk;
    private long interval = RETRY_MIN_NANOS;

    /**
     * @param inst   the JVM's instrumentation (loaded classes, module opening)
     * @param budget the walk's bounds
     * @param hooks  the hooks of every capture: the types looked for and where found objects go
     */
    public Discovery(Instrumentation inst, WalkBudget budget, Callable<List<TypeHook>> hooks) {
        this.inst = inst;
        this.budget = budget;
        this.hooks = hooks;
    }

    /**
     * @param discovery the agent's discovery, read by the coverage assessment's reasons
     * @return {@code discovery}
     */
    public static Discovery install(Discovery discovery) {
        current = discovery;
        return discovery;
    }

    /** @return what the last walk of the installed discovery did, for coverage reasons; empty when none ran */
    public static String summary() {
        Discovery discovery = current;
        WalkResult result = discovery == null ? null : discovery.last;
        return result == null ? "" : result.toString();
    }

    /**
     * Hooked types whose object need not stay reachable while the framework serves, so a complete walk that found none
     * does not show the framework unused: Helidon's {@code LoomServer} (the application may drop it after
     * {@code start()}; the capture finds a server through its shutdown handler, {@code HelidonSe4AttachIT}, which a
     * server built without a shutdown hook lacks). Not {@code io.javalin.Javalin}: it is gone once {@code main}
     * returned, but its capture also hooks the config holders it reads, which always stay reachable from the running
     * server ({@code Javalin6AttachIT}, {@code Javalin7AttachJdk25IT}).
     */
    static final List<String> NOT_DISCOVERABLE = Collections.singletonList(LoomServerInstrumentation.TYPE);

    /**
     * Whether the absence of a type's objects is known: the installed discovery's last walk was complete (no root
     * kind cut by its budget or the deadline, JDK internals and statics readable), found none, and the type's objects
     * live while they serve (not {@link #NOT_DISCOVERABLE}). The walk found every live instance of every hooked type in
     * 80 of 80 spike runs (20 apps, JDK 17 and 25, counts checked against a heap histogram).
     *
     * @param typeName binary name of a hooked type that is loaded
     * @return {@code true} when a complete walk found no object of it
     */
    public static boolean ruledOut(String typeName) {
        Discovery discovery = current;
        WalkResult result = discovery == null ? null : discovery.last;
        return result != null && result.complete() && !NOT_DISCOVERABLE.contains(typeName)
                && !ConstructorHooks.wasDiscovered(typeName);
    }

    /** @return the last walk's result, {@code null} when none ran */
    public WalkResult last() {
        return last;
    }

    /**
     * Walks now, on the calling thread (an agent thread), unless discovery is off. Never throws.
     *
     * @param reason why, for the debug line, e.g. {@code attach}
     * @return the result, {@code null} when off or failed (recorded)
     */
    public synchronized WalkResult walk(String reason) {
        if (!budget.enabled()) {
            return null;
        }
        try {
            WalkResult result = walkOnce(reason);
            last = result;
            // the next scrape-triggered walk waits its interval: a first scrape must not compete with a second walk
            nextWalk = System.nanoTime() + interval;
            AgentLog.debug("discovery (" + reason + "): " + result);
            return result;
        } catch (Throwable t) {
            CaptureErrors.record("discovery.walk", "the hook-free discovery walk failed", t);
            return null;
        }
    }

    /**
     * Called at each read of the routes: when a hooked type is loaded but neither hooked nor found, and the retry
     * interval has passed, starts a walk on a daemon thread (the read does not wait for it). Never throws.
     */
    public void onScrape() {
        if (!budget.enabled() || System.nanoTime() - nextWalk < 0 || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        walkIfMissing("scrape");
                    } finally {
                        running.set(false);
                    }
                }
            }, "runtruth-discovery");
            thread.setDaemon(true);
            thread.start();
        } catch (Throwable t) {
            running.set(false);
        }
    }

    /**
     * Walks when a hooked type is loaded but was neither hooked nor found, on the calling thread.
     *
     * @param reason why, for the debug line
     */
    public void walkIfMissing(String reason) {
        try {
            List<String> missing = missing();
            if (missing.isEmpty()) {
                nextWalk = System.nanoTime() + RETRY_MIN_NANOS;
                return;
            }
            WalkResult result = walk(reason + ", looking for " + missing);
            boolean foundNew = result != null && !result.found().isEmpty();
            interval = foundNew ? RETRY_MIN_NANOS : Math.min(RETRY_MAX_NANOS, interval * 2);
            nextWalk = System.nanoTime() + interval;
        } catch (Throwable t) {
            CaptureErrors.record("discovery.walk", "the hook-free discovery walk failed", t);
        }
    }

    /**
     * @return the hooked types that are loaded, were not hooked, of which no object was found, and which a walk can
     *         find ({@link #NOT_DISCOVERABLE})
     */
    List<String> missing() throws Exception {
        Map<String, TypeHook> byName = byName();
        List<String> missing = new ArrayList<String>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            if (byName.containsKey(name) && !ConstructorHooks.isHooked(name) && !ConstructorHooks.wasDiscovered(name)
                    && !NOT_DISCOVERABLE.contains(name) && !missing.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private Map<String, TypeHook> byName() throws Exception {
        Map<String, TypeHook> byName = new HashMap<String, TypeHook>();
        for (TypeHook hook : hooks.call()) {
            byName.put(hook.typeName(), hook);
        }
        return byName;
    }

    private WalkResult walkOnce(String reason) throws Exception {
        long startNanos = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = cpuNanos(threads);
        if (access == null) {
            access = JdkAccess.open(inst);
            if (access.problem() != null) {
                AgentLog.warn("discovery.jdk", "hook-free discovery is limited: " + access.problem());
            }
        }
        final Map<String, TypeHook> byName = byName();
        Map<String, List<Class<?>>> loaded = new LinkedHashMap<String, List<Class<?>>>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            List<Class<?>> list = loaded.get(name);
            if (list == null) {
                list = new ArrayList<Class<?>>(1);
                loaded.put(name, list);
            }
            list.add(type);
        }
        final Map<Class<?>, TypeHook[]> matches = new HashMap<Class<?>, TypeHook[]>();
        final Map<Object, TypeHook[]> found = new IdentityHashMap<Object, TypeHook[]>();
        ObjectWalk walk = new ObjectWalk(budget, new ObjectWalk.Matcher() {
            @Override
            public void offer(Object object) {
                TypeHook[] hit = matchesOf(object.getClass(), byName, matches);
                if (hit.length > 0) {
                    found.put(object, hit);
                }
            }
        });
        Map<String, Integer> phases = new LinkedHashMap<String, Integer>();
        phases.put("anchors", walk.phase(Roots.anchors(loaded, access)));
        phases.put("shutdown hooks", walk.phase(Roots.shutdownHooks(access)));
        phases.put("threads", walk.phase(Roots.threads(Thread.currentThread())));
        phases.put("statics", walk.phase(Roots.statics(loaded, access)));
        Map<String, Integer> counts = new LinkedHashMap<String, Integer>();
        for (Map.Entry<Object, TypeHook[]> entry : found.entrySet()) {
            for (TypeHook hook : entry.getValue()) {
                ConstructorHooks.discovered(entry.getKey(), hook);
                Integer n = counts.get(hook.typeName());
                counts.put(hook.typeName(), n == null ? 1 : n + 1);
            }
        }
        boolean cut = !walk.complete();
        return new WalkResult(reason, phases, walk.met(), counts, cut, access.problem() != null,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                startCpu < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(cpuNanos(threads) - startCpu));
    }

    private static long cpuNanos(ThreadMXBean threads) {
        try {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        } catch (Throwable t) {
            return -1;
        }
    }

    private static final TypeHook[] NO_HOOKS = new TypeHook[0];

    /** The hooks whose type is {@code type} or one of its superclasses, as a constructor hook would have fired. */
    private static TypeHook[] matchesOf(Class<?> type, Map<String, TypeHook> byName, Map<Class<?>, TypeHook[]> cache) {
        TypeHook[] cached = cache.get(type);
        if (cached != null) {
            return cached;
        }
        List<TypeHook> hits = Collections.emptyList();
        for (Class<?> c = type; c != null && !type.isArray(); c = c.getSuperclass()) {
            TypeHook hook = byName.get(c.getName());
            if (hook != null) {
                if (hits.isEmpty()) {
                    hits = new ArrayList<TypeHook>(1);
                }
                hits.add(hook);
            }
        }
        TypeHook[] result = hits.isEmpty() ? NO_HOOKS : hits.toArray(new TypeHook[0]);
        cache.put(type, result);
        return result;
    }
}
