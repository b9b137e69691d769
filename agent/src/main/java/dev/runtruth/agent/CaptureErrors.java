package dev.runtruth.agent;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts failures swallowed inside capture code (hooks, reflection on framework objects, classpath reading), exported
 * as {@code runtruth_capture_errors_total}. Tests assert it stays zero; each kind is logged once (OTel's
 * {@code ExceptionLogger} habit).
 *
 * <p>A failure recorded while a {@link Tally} is open on the same thread is also counted in that tally: the route
 * registry opens one around the read of each framework, so a framework whose read failed is reported
 * {@code partial} or {@code failed} instead of silently short of routes.
 */
public final class CaptureErrors {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<Tally>();

    private CaptureErrors() {
    }

    /**
     * Records one swallowed failure.
     *
     * @param kind    a stable identifier, e.g. {@code spring-webmvc.read}; the first of a kind is printed as a warning
     * @param message what was being captured and what is lost, e.g. {@code unsupported Javalin version (...)}
     * @param cause   the failure; {@code null} when the message says it all (an unsupported version); a reflective
     *                call's {@code InvocationTargetException} is replaced by what the framework method threw
     */
    public static void record(String kind, String message, Throwable cause) {
        if (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        COUNT.incrementAndGet();
        Tally tally = CURRENT.get();
        if (tally != null) {
            tally.add(cause == null ? message : message + ": " + cause);
        }
        if (cause == null) {
            AgentLog.warn(kind, message);
        } else {
            AgentLog.warn(kind, message, cause);
        }
    }

    /** @return the number of failures recorded since the agent started */
    public static long count() {
        return COUNT.get();
    }

    /**
     * Opens a tally on this thread; close it with {@link Tally#close()} in a {@code finally}. Tallies do not nest:
     * opening one replaces the open one until it is closed.
     *
     * @return the open tally
     */
    public static Tally openTally() {
        Tally tally = new Tally(CURRENT.get());
        CURRENT.set(tally);
        return tally;
    }

    /** The failures recorded on one thread between {@link #openTally()} and {@link #close()}. Not thread-safe. */
    public static final class Tally {

        private final Tally previous;
        private int count;
        private String first;

        private Tally(Tally previous) {
            this.previous = previous;
        }

        private void add(String description) {
            count++;
            if (first == null) {
                first = description;
            }
        }

        /** Stops counting on this thread; the tally keeps what it counted. */
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }

        /** @return the number of failures recorded while open */
        public int count() {
            return count;
        }

        /** @return the first failure, {@code message: cause}; {@code null} when none */
        public String first() {
            return first;
        }
    }
}
