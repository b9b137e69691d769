package dev.runtruth.agent.discovery;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.instrument.ClassLoadActivity;
import dev.runtruth.agent.instrument.ConstructorHooks;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.helidon.LoomServerInstrumentation;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>When (each walk is skipped while no hooked type is loaded unhooked: nothing could be found):
 * <ul>
 *   <li>{@link #walkAtStart}: after a late attach, or under {@code -javaagent} with hook-free discovery at the
 *       class-loading quiet point after start; either way before the endpoint opens, so the first scrape sees the
 *       routes;</li>
 *   <li>{@link #onScrape}, synchronously (hook-free only), when classes loaded since the last walk and either a hooked
 *       type that is loaded, unhooked and unfound was initialised since the last walk (its first object is being made:
 *       a framework arrived, or initialises lazily, as Jersey's servlet does at its first request; a class loaded but
 *       never initialised has no object), or the last walk saw a startup under way (a Spring context refreshing, a
 *       Tomcat or Jetty context starting: more objects come), or, once per type, threads were added since a walk that
 *       missed a type already initialised (its object was held on a thread's stack while the application built its
 *       server; the server's threads are new roots);</li>
 *   <li>{@link #onScrape}, on a daemon thread (the scrape does not wait), while a hooked type is loaded, unhooked and
 *       unfound, at most once per {@link #RETRY_MIN_NANOS}, growing to {@link #RETRY_MAX_NANOS} while nothing new is
 *       found;</li>
 *   <li>{@link #watch} (hook-free only), on the agent's init thread: when the loaded-class count or the live-thread
 *       count grew since the last walk (a second servlet context, a new server), once class loading has been quiet
 *       for a poll ({@link #WATCH_POLL_MILLIS}), at most once per {@link #GROWTH_MIN_NANOS}, the interval doubling up to
 *       {@link #GROWTH_MAX_NANOS} while walks find nothing new. This stands in for the constructor hook of a second
 *       instance created after start.</li>
 * </ul>
 * A walk that found nothing for a loaded type leaves its framework reported {@code failed}, with {@link #summary()} in
 * the reason, unless the walk rules the type's objects out ({@link #ruledOut}).
 */
public final class Discovery {

    /** Least time between two scrape-triggered walks. */
    static final long RETRY_MIN_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The interval doubles while walks find nothing new, up to this. */
    static final long RETRY_MAX_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** How often {@link #watch} reads the loaded-class and thread counts, milliseconds. */
    static final long WATCH_POLL_MILLIS = 1000;
    /** Least time between two walks for growth of the JVM ({@link #watch}): N = 30 s. */
    static final long GROWTH_MIN_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The growth interval doubles while walks find nothing new, up to this; a walk is due then even without a pause. */
    static final long GROWTH_MAX_NANOS = TimeUnit.MINUTES.toNanos(10);

    private static volatile Discovery current;

    private final Instrumentation inst;
    private final WalkBudget budget;
    private final Callable<List<TypeHook>> hooks;
    private final Callable<Boolean> starting;
    private final AtomicBoolean running = new AtomicBoolean();
    private JdkAccess access;
    private volatile WalkResult last;
    private volatile long nextWalk;
    private long interval = RETRY_MIN_NANOS;
    /** The JVM's counts when the last walk began, and what it saw: for the decisions of when to walk again. */
    private volatile long classesAtLast = -1;
    private volatile int threadsAtLast;
    private volatile long lastEndNanos = System.nanoTime();
    private volatile Set<String> loadedAtLast = Collections.emptySet();
    private volatile Set<String> initializedAtLast = Collections.emptySet();
    private volatile boolean startingAtLast;
    /** Missing types walked for once more because threads were added after a walk that missed them initialised. */
    private final Set<String> retriedOnThreads = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private long growthInterval = GROWTH_MIN_NANOS;

    /**
     * @param inst   the JVM's instrumentation (loaded classes, module opening)
     * @param budget the walk's bounds
     * @param hooks  the hooks of every capture: the types looked for and where found objects go
     */
    public Discovery(Instrumentation inst, WalkBudget budget, Callable<List<TypeHook>> hooks) {
        this(inst, budget, hooks, new Callable<Boolean>() {
            @Override
            public Boolean call() {
                return Boolean.FALSE;
            }
        });
    }

    /**
     * @param inst     the JVM's instrumentation (loaded classes, module opening)
     * @param budget   the walk's bounds and mode
     * @param hooks    the hooks of every capture: the types looked for and where found objects go
     * @param starting whether a framework startup the agent follows is under way (read after each walk: then the
     *                 next scrape that follows class loading walks again)
     */
    public Discovery(Instrumentation inst, WalkBudget budget, Callable<List<TypeHook>> hooks,
            Callable<Boolean> starting) {
        this.inst = inst;
        this.budget = budget;
        this.hooks = hooks;
        this.starting = starting;
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
     * Whether the absence of a type's objects is known: the installed discovery's last walk ran while the type was
     * loaded and not initialised, was complete (no root kind cut by its budget or the deadline, JDK internals and
     * statics readable), found none, and the walk is proven for the type by an attach IT ({@link WalkProven}; so not
     * {@link #NOT_DISCOVERABLE}). The walk found every live instance of every hooked type in 80 of 80 spike runs (20
     * apps, JDK 17 and 25, counts checked against a heap histogram). A type whose static initialiser has run is never
     * ruled out: a constructor runs it, so an object was made, or is being made (a walk early in the start that
     * missed a server not yet started), and not finding it is a blind spot to report, not proof of absence; a type
     * only loaded (WebFlux's {@code DispatcherHandler} in a Spring MVC application, read by Spring's class-path
     * checks) has no object.
     *
     * @param typeName binary name of a hooked type that is loaded
     * @return {@code true} when a complete walk, made while the type was loaded and not initialised, found no object
     *         of it
     */
    public static boolean ruledOut(String typeName) {
        Discovery discovery = current;
        return discovery != null && discovery.rulesOut(typeName, WalkProven.TYPES);
    }

    /**
     * @param typeName binary name of a hooked type that is loaded
     * @param proven   the types whose walk is proven ({@link WalkProven#TYPES} outside tests)
     * @return what {@link #ruledOut} says, for this discovery
     */
    boolean rulesOut(String typeName, Set<String> proven) {
        WalkResult result = last;
        return result != null && result.complete() && proven.contains(typeName)
                && !NOT_DISCOVERABLE.contains(typeName) && loadedAtLast.contains(typeName)
                && !initializedAtLast.contains(typeName) && !ConstructorHooks.wasDiscovered(typeName);
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
            // counted before the walk: what loads during it (its own reflection, the application) is growth
            long classes = ClassLoadActivity.totalLoaded();
            int threads = threadCount();
            WalkResult result = walkOnce(reason);
            last = result;
            // the next scrape-triggered walk waits its interval: a first scrape must not compete with a second walk
            nextWalk = System.nanoTime() + interval;
            classesAtLast = classes;
            threadsAtLast = threads;
            lastEndNanos = System.nanoTime();
            startingAtLast = startupUnderWay();
            AgentLog.debug("discovery (" + reason + "): " + result + (startingAtLast ? "; a startup is under way"
                    : ""));
            return result;
        } catch (Throwable t) {
            CaptureErrors.record("discovery.walk", "the hook-free discovery walk failed", t);
            return null;
        }
    }

    /**
     * The first walk: after a late attach, or with hook-free discovery under {@code -javaagent} at the class-loading
     * quiet point; called on the agent's init thread before the endpoint opens. Skipped while no hooked type is loaded
     * unhooked (nothing to find; the scrape walks once one is). Never throws.
     *
     * @param reason why, e.g. {@code attach}
     */
    public void walkAtStart(String reason) {
        if (!budget.enabled()) {
            return;
        }
        try {
            if (!missing().isEmpty()) {
                walk(reason);
            }
        } catch (Throwable t) {
            CaptureErrors.record("discovery.walk", "the hook-free discovery walk failed", t);
        }
    }

    /**
     * Called at each read of the routes. With hook-free discovery, walks at once, on the calling thread, when classes
     * loaded since the last walk and a hooked type that walk did not see loaded is now loaded, unhooked and unfound,
     * or the last walk saw a startup under way: the read then has the objects. Else, when a hooked type is loaded but
     * neither hooked nor found, and the retry interval has passed, starts a walk on a daemon thread (the read does not
     * wait for it). Never throws.
     */
    public void onScrape() {
        if (!budget.enabled()) {
            return;
        }
        try {
            if (budget.hookFree() && walkNeededNow()) {
                walk("scrape");
                return;
            }
        } catch (Throwable t) {
            CaptureErrors.record("discovery.walk", "the hook-free discovery walk failed", t);
        }
        if (System.nanoTime() - nextWalk < 0 || !running.compareAndSet(false, true)) {
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

    /** @return whether a scrape must walk before it reads: see {@link #onScrape} */
    boolean walkNeededNow() throws Exception {
        if (last != null && ClassLoadActivity.totalLoaded() == classesAtLast) {
            return false; // nothing loaded since the last walk: no new framework, no startup went on
        }
        if (last != null && startingAtLast) {
            return true;
        }
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return false;
        }
        JdkAccess jdk = access;
        if (last == null || jdk == null) {
            return true;
        }
        // a loaded class has no instance before it is initialised: a missing type that was initialised since the last
        // walk (its first object is being made, as Jersey's servlet makes its ApplicationHandler at the first request)
        // is worth a walk; one loaded and never initialised (WebFlux's DispatcherHandler in a Spring MVC app) is not
        Set<String> initialised = initializedAtLast;
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            if (missing.contains(name) && !initialised.contains(name) && jdk.initialised(type)) {
                return true;
            }
        }
        // a missing type already initialised at the last walk has an object the walk could not reach: one held only on
        // a thread's stack while the application builds its server (Jersey's ApplicationHandler before
        // JdkHttpServerFactory starts the JDK HTTP server, hook-free on a loaded machine: JerseyJdkHttpJdk25IT). Threads
        // added since (the server's) are new roots: walk once more, once per type
        boolean retry = false;
        if (threadCount() > threadsAtLast) {
            for (String name : missing) {
                retry |= initialised.contains(name) && retriedOnThreads.add(name);
            }
        }
        return retry;
    }

    /**
     * Watches the JVM's growth and walks when it grew (see the class comment); never returns unless interrupted.
     * Called on the agent's init thread once the endpoint is open, with hook-free discovery only. Never throws.
     */
    public void watch() {
        if (!budget.hookFree()) {
            return;
        }
        long previous = ClassLoadActivity.totalLoaded();
        while (true) {
            try {
                Thread.sleep(WATCH_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                long classes = ClassLoadActivity.totalLoaded();
                boolean quiet = classes == previous;
                previous = classes;
                long since = System.nanoTime() - lastEndNanos;
                boolean grew = classes != classesAtLast || threadCount() > threadsAtLast;
                if (grew && (quiet && since >= growthInterval || since >= GROWTH_MAX_NANOS) && hasCandidates()) {
                    WalkResult before = last;
                    WalkResult after = walk("growth");
                    growthInterval = foundMore(before, after) ? GROWTH_MIN_NANOS
                            : Math.min(GROWTH_MAX_NANOS, growthInterval * 2);
                } else if (grew && since >= growthInterval && quiet) {
                    // nothing to look for: count this growth as seen
                    classesAtLast = classes;
                    threadsAtLast = threadCount();
                }
            } catch (Throwable t) {
                CaptureErrors.record("discovery.walk", "the hook-free discovery walk failed", t);
            }
        }
    }

    /** @return whether {@code after} found more objects of some type than {@code before} */
    private static boolean foundMore(WalkResult before, WalkResult after) {
        if (after == null) {
            return false;
        }
        for (Map.Entry<String, Integer> entry : after.found().entrySet()) {
            Integer was = before == null ? null : before.found().get(entry.getKey());
            if (was == null || entry.getValue() > was) {
                return true;
            }
        }
        return false;
    }

    private boolean startupUnderWay() {
        try {
            return Boolean.TRUE.equals(starting.call());
        } catch (Throwable t) {
            return false;
        }
    }

    private static int threadCount() {
        try {
            return ManagementFactory.getThreadMXBean().getThreadCount();
        } catch (Throwable t) {
            return 0;
        }
    }

    /** @return whether a hooked type is loaded without a hook (found or not): a walk could find objects of it */
    private boolean hasCandidates() throws Exception {
        Map<String, TypeHook> byName = byName();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            if (byName.containsKey(name) && !ConstructorHooks.isHooked(name)) {
                return true;
            }
        }
        return false;
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
     *         find ({@link #NOT_DISCOVERABLE}; not an interface: RESTEasy 3's class {@code spi.ResteasyDeployment} is
     *         one from RESTEasy 4 on, and has no object of its own)
     */
    List<String> missing() throws Exception {
        Map<String, TypeHook> byName = byName();
        List<String> missing = new ArrayList<String>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            if (byName.containsKey(name) && !type.isInterface() && !ConstructorHooks.isHooked(name)
                    && !ConstructorHooks.wasDiscovered(name) && !NOT_DISCOVERABLE.contains(name)
                    && !missing.contains(name)) {
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
        Set<String> hookedLoaded = new HashSet<String>();
        Set<String> hookedInitialised = new HashSet<String>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            List<Class<?>> list = loaded.get(name);
            if (list == null) {
                list = new ArrayList<Class<?>>(1);
                loaded.put(name, list);
            }
            list.add(type);
            if (byName.containsKey(name)) {
                hookedLoaded.add(name);
                if (access.initialised(type)) {
                    hookedInitialised.add(name);
                }
            }
        }
        loadedAtLast = hookedLoaded;
        initializedAtLast = hookedInitialised;
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
