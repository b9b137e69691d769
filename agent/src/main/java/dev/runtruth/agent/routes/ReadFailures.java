package dev.runtruth.agent.routes;

import dev.runtruth.agent.CaptureErrors;

/**
 * Failures of one kind met while reading the routes of one framework object, recorded as one capture error. A
 * capture that cannot read a detail of some routes (a handler label, a mounted sub-router) still reports every route
 * it can, adds each failure here and calls {@link #record()} once at the end of the read: the family then counts as
 * partially read, with one {@code runtruth_capture_errors_total} increment per read instead of one per route or none.
 *
 * <p>Not thread-safe: one instance per read.
 */
public final class ReadFailures {

    private final String kind;
    private final String message;
    private int count;
    private Throwable first;

    /**
     * @param kind    the {@code CaptureErrors} kind, e.g. {@code javalin.handler}
     * @param message what could not be read and what was reported instead
     */
    public ReadFailures(String kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    /** @param cause one failure; the first one is the cause recorded */
    public void add(Throwable cause) {
        if (first == null) {
            first = cause;
        }
        count++;
    }

    /** @return the number of failures added so far */
    public int count() {
        return count;
    }

    /**
     * Records one capture error, {@code "<message> (<n> times)"} with the first cause, when any failure was added;
     * does nothing otherwise.
     */
    public void record() {
        if (count > 0) {
            CaptureErrors.record(kind, message + " (" + count + (count == 1 ? " time)" : " times)"), first);
        }
    }
}
