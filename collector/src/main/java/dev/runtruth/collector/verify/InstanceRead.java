package dev.runtruth.collector.verify;

import dev.runtruth.collector.observed.ObservedRoutes;
import java.net.URI;
import java.util.Objects;

/**
 * One instance of the service as one poll read it: either what its agent reports, or why it could not be read.
 *
 * @param name     how the report names the instance: the agent URL, {@code address:port} of a DNS record, or the
 *                 Prometheus {@code job/instance}
 * @param agent    the agent's metrics URL, for the ladder's runtime rung; {@code null} when not known
 * @param observed what the agent reports, {@code null} when it could not be read
 * @param problem  why it could not be read (one line), {@code null} when it was read
 */
record InstanceRead(String name, URI agent, ObservedRoutes observed, String problem) {

    /** Requires a name and exactly one of {@code observed} and {@code problem}. */
    InstanceRead {
        Objects.requireNonNull(name, "name");
        if ((observed == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of observed and problem: " + name);
        }
    }

    static InstanceRead read(String name, URI agent, ObservedRoutes observed) {
        return new InstanceRead(name, agent, observed, null);
    }

    static InstanceRead unreadable(String name, URI agent, String problem) {
        return new InstanceRead(name, agent, null, problem);
    }
}
