package dev.runtruth.agent.readiness;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.servlet.jetty.JettyContexts;
import dev.runtruth.agent.routes.servlet.tomcat.TomcatContexts;
import dev.runtruth.model.InventoryState;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether the frameworks whose startup the agent follows have finished starting, read at scrape time from the objects
 * the constructor hooks remembered (no hook runs per request, nothing is created):
 * <ul>
 *   <li>a Spring application context ({@link SpringContexts}) is starting from its construction until its refresh has
 *       finished: {@code ConfigurableApplicationContext#isRunning()} turns true at the end of {@code refresh()}
 *       ({@code finishRefresh}, when {@code DefaultLifecycleProcessor#onRefresh} has started the lifecycle beans,
 *       Spring Boot's web server among them), after every handler mapping has registered its routes. A closed context
 *       ({@code isActive()} false after a refresh began, {@code getStartupDate() > 0}) no longer counts;</li>
 *   <li>a Tomcat {@code StandardContext} is starting in lifecycle states {@code NEW} to {@code STARTING}, started in
 *       {@code STARTED} ({@code org.apache.catalina.LifecycleState}); stopping, stopped, failed ones do not count;</li>
 *   <li>a Jetty {@code ServletContextHandler} is starting while {@code getState()} is {@code STOPPED} (not started yet)
 *       or {@code STARTING}, started in {@code STARTED} ({@code org.eclipse.jetty.util.component.AbstractLifeCycle}).</li>
 * </ul>
 * An object that has not begun to start within {@link #PENDING_LIMIT_NANOS} of the first read that saw it (a context
 * created and never refreshed, a handler never started) is not a startup under way and no longer counts.
 * Thread-safe.
 */
public final class StartupState {

    /** How long an object may wait to begin its start before it no longer counts as starting, nanoseconds. */
    static final long PENDING_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private static final StartupState INSTANCE = new StartupState();

    private final Map<Object, Long> firstSeen = new WeakHashMap<Object, Long>();

    /** One per agent ({@link #read()}); tests make their own. */
    StartupState() {
    }

    /** The answer: a state and, unless ready, why, in one line. Immutable. */
    public static final class Reading {
        private final InventoryState state;
        private final String reason;

        Reading(InventoryState state, String reason) {
            this.state = state;
            this.reason = reason;
        }

        /** @return the state, never null */
        public InventoryState state() {
            return state;
        }

        /** @return why it is not ready, one line; {@code ""} when ready */
        public String reason() {
            return reason;
        }
    }

    /** The state of one followed object. */
    private enum Phase { PENDING, STARTING, STARTED, GONE }

    /**
     * Reads the state now. Throws nothing: an object whose state cannot be read does not count (the caller counts
     * nothing; a wrong "ready" is prevented by the other objects, a wrong "unknown" only drops the wait).
     *
     * @return {@code starting} when a followed startup is under way (reason names it), else {@code ready} when at least
     *         one followed startup finished, else {@code unknown} (nothing followed in this process)
     */
    public static Reading read() {
        return INSTANCE.readNow(System.nanoTime());
    }

    synchronized Reading readNow(long now) {
        String starting = null;
        boolean started = false;
        for (Object context : SpringContexts.live()) {
            Phase phase = counted(context, springPhase(context), now);
            started |= phase == Phase.STARTED;
            if (starting == null && (phase == Phase.STARTING || phase == Phase.PENDING)) {
                starting = "a Spring application context is " + (phase == Phase.PENDING ? "not refreshed yet"
                        : "refreshing");
            }
        }
        for (Object context : TomcatContexts.INSTANCE.live()) {
            Phase phase = counted(context, tomcatPhase(context), now);
            started |= phase == Phase.STARTED;
            if (starting == null && (phase == Phase.STARTING || phase == Phase.PENDING)) {
                starting = "a Tomcat context is starting";
            }
        }
        for (Object context : JettyContexts.INSTANCE.live()) {
            Phase phase = counted(context, jettyPhase(context), now);
            started |= phase == Phase.STARTED;
            if (starting == null && (phase == Phase.STARTING || phase == Phase.PENDING)) {
                starting = "a Jetty servlet context is starting";
            }
        }
        if (starting != null) {
            return new Reading(InventoryState.STARTING, starting + ": routes may still be added");
        }
        if (started) {
            return new Reading(InventoryState.READY, "");
        }
        return new Reading(InventoryState.UNKNOWN, "no framework startup the agent follows (Spring contexts, Tomcat,"
                + " Jetty) was seen");
    }

    /** A pending object counts for {@link #PENDING_LIMIT_NANOS} after it was first seen. */
    private Phase counted(Object object, Phase phase, long now) {
        Long seen = firstSeen.get(object);
        if (seen == null) {
            seen = now;
            firstSeen.put(object, seen);
        }
        return phase == Phase.PENDING && now - seen > PENDING_LIMIT_NANOS ? Phase.GONE : phase;
    }

    private static Phase springPhase(Object context) {
        try {
            if (Boolean.TRUE.equals(Reflect.call(context, "isRunning"))) {
                return Phase.STARTED;
            }
            if (Boolean.TRUE.equals(Reflect.call(context, "isActive"))) {
                return Phase.STARTING;
            }
            Object startupDate = Reflect.call(context, "getStartupDate");
            // not active: before its refresh (startup date 0), or closed / refresh failed afterwards
            return startupDate instanceof Long && (Long) startupDate == 0L ? Phase.PENDING : Phase.GONE;
        } catch (Throwable t) {
            return Phase.GONE;
        }
    }

    private static Phase tomcatPhase(Object context) {
        try {
            Object state = Reflect.call(context, "getState");
            String name = state == null ? "" : String.valueOf(Reflect.call(state, "name"));
            if ("STARTED".equals(name)) {
                return Phase.STARTED;
            }
            if ("NEW".equals(name)) {
                return Phase.PENDING;
            }
            return name.startsWith("INITIALIZ") || name.startsWith("STARTING") ? Phase.STARTING : Phase.GONE;
        } catch (Throwable t) {
            return Phase.GONE;
        }
    }

    private static Phase jettyPhase(Object context) {
        try {
            Object state = Reflect.call(context, "getState");
            if ("STARTED".equals(state)) {
                return Phase.STARTED;
            }
            if ("STARTING".equals(state)) {
                return Phase.STARTING;
            }
            return "STOPPED".equals(state) ? Phase.PENDING : Phase.GONE;
        } catch (Throwable t) {
            return Phase.GONE;
        }
    }
}
