package dev.runtruth.agent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts failures swallowed inside capture code (hooks, reflection on framework objects, classpath reading), exported
 * as {@code runtruth_capture_errors_total}. Tests assert it stays zero; each kind is logged once (OTel's
 * {@code ExceptionLogger} habit).
 */
public final class CaptureErrors {

    private static final AtomicLong COUNT = new AtomicLong();

    private CaptureErrors() {
    }

    /**
     * Records one swallowed failure.
     *
     * @param kind    a stable identifier, e.g. {@code spring-webmvc.read}; the first of a kind is printed as a warning
     * @param message what was being captured
     * @param cause   the failure
     */
    public static void record(String kind, String message, Throwable cause) {
        COUNT.incrementAndGet();
        AgentLog.warn(kind, message, cause);
    }

    /** @return the number of failures recorded since the agent started */
    public static long count() {
        return COUNT.get();
    }
}
