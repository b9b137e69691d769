package dev.runtruth.collector.verify;

import dev.runtruth.collector.drift.CommitComparison;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.Verdict;
import java.net.URI;

/**
 * One instance at one poll, judged as {@code check} judges a service ({@link DriftReport#verdict()}).
 *
 * @param name    the instance's name ({@link InstanceRead#name()})
 * @param agent   its agent's metrics URL, or {@code null}
 * @param report  the comparison of its routes and commit with the expected build; {@code null} when unreadable
 * @param problem why it could not be read, {@code null} when it was
 */
record InstanceStatus(String name, URI agent, DriftReport report, String problem) {

    /** Where an instance stands. */
    enum State {
        /** Runs the expected commit (or neither side names one), serves every expected route, nothing unexpected. */
        CONVERGED,
        /** Drift for certain: another commit, a missing route the agent could see, or an unexpected route. */
        DRIFT,
        /** Read, no certain drift, but its agent could not see everything ({@link Verdict#CANNOT_TELL}). */
        BLIND,
        /** Its agent could not be read at all. */
        UNREADABLE
    }

    /** @return where the instance stands */
    State state() {
        if (report == null) {
            return State.UNREADABLE;
        }
        return switch (report.verdict()) {
            case NO_DRIFT -> State.CONVERGED;
            case DRIFT -> State.DRIFT;
            case CANNOT_TELL -> State.BLIND;
        };
    }

    /** @return whether it was read and runs the expected commit */
    boolean onExpectedCommit() {
        return report != null && report.commit() == CommitComparison.SAME;
    }

    /** @return the running commit, {@code null} when unknown or unreadable */
    String commit() {
        return report == null ? null : report.observed().build().commit();
    }
}
