package dev.runtruth.collector.verify;

import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All instances of the service at one poll, each compared with the expected build by one {@link DriftComparator}
 * (the rules of {@code check}), and whether the rollout has converged.
 *
 * @param expected     what the build declares
 * @param instances    one status per instance, in the source's order
 * @param problem      why the instances could not be listed (a name that does not resolve, Prometheus failing on a
 *                     later poll), one line; {@code null} when they were
 * @param minInstances the fewest instances that can converge, at least 1
 */
record FleetStatus(ExpectedRoutes expected, List<InstanceStatus> instances, String problem, int minInstances) {

    /** Copies the list. */
    FleetStatus {
        instances = List.copyOf(instances);
    }

    /**
     * @param comparator   the expected build's comparator, reused every poll
     * @param expected     what the build declares
     * @param poll         the instances read
     * @param minInstances the fewest instances that can converge
     * @return each instance judged
     */
    static FleetStatus of(DriftComparator comparator, ExpectedRoutes expected, InstanceSource.Poll poll,
                          int minInstances) {
        List<InstanceStatus> statuses = new ArrayList<>();
        for (InstanceRead read : poll.instances()) {
            statuses.add(new InstanceStatus(read.name(), read.agent(),
                    read.observed() == null ? null : comparator.compare(read.observed()), read.problem()));
        }
        return new FleetStatus(expected, statuses, poll.problem(), minInstances);
    }

    /** @return a poll at which the source failed as a whole: no instance known */
    static FleetStatus failed(ExpectedRoutes expected, String problem, int minInstances) {
        return new FleetStatus(expected, List.of(), problem, minInstances);
    }

    /**
     * @return whether the rollout is done: at least {@code minInstances} instances, every one {@link
     *         InstanceStatus.State#CONVERGED}. Zero instances never converge.
     */
    boolean converged() {
        return problem == null && instances.size() >= Math.max(1, minInstances)
                && instances.stream().allMatch(i -> i.state() == InstanceStatus.State.CONVERGED);
    }

    /** @return whether at least one instance drifts for certain */
    boolean anyDrift() {
        return count(InstanceStatus.State.DRIFT) > 0;
    }

    /** @return how many instances are in {@code state} */
    long count(InstanceStatus.State state) {
        return instances.stream().filter(i -> i.state() == state).count();
    }

    /** @return how many instances were read and run the expected commit */
    long onExpectedCommit() {
        return instances.stream().filter(InstanceStatus::onExpectedCommit).count();
    }

    /** @return how many read instances lack at least one expected route */
    long lackingInstances() {
        return instances.stream().filter(i -> i.report() != null && !i.report().missing().isEmpty()).count();
    }

    /** @return the distinct expected routes at least one read instance lacks, in the order first seen */
    Set<Route> missingRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        instances.stream().filter(i -> i.report() != null).forEach(i -> routes.addAll(i.report().missing()));
        return routes;
    }

    /** @return how many instances were read and serve at least one unexpected route */
    long unexpectedInstances() {
        return instances.stream().filter(i -> i.report() != null && !i.report().unexpected().isEmpty()).count();
    }
}
