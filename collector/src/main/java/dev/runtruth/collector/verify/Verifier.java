package dev.runtruth.collector.verify;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.expected.ExpectedRoutes;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Polls a service's instances until the rollout converges ({@link FleetStatus#converged()}) or the timeout passes.
 * The first poll happens at once; each later one starts {@code interval} after the previous one started (or at once
 * when a poll took longer), and the last one no later than the deadline.
 */
final class Verifier {

    /**
     * How the polling ended.
     *
     * @param last      the last poll
     * @param converged whether it converged
     * @param elapsed   from the first poll's start to the last poll's end
     * @param polls     how many polls ran
     */
    record Outcome(FleetStatus last, boolean converged, Duration elapsed, int polls) {
    }

    private final InstanceSource source;
    private final ExpectedRoutes expected;
    private final DriftComparator comparator;
    private final int minInstances;
    private final Duration timeout;
    private final Duration interval;

    /**
     * @param source       the instances
     * @param comparator   compares one instance with the expected build
     * @param expected     what the build declares
     * @param minInstances the fewest instances that can converge, at least 1
     * @param timeout      how long to wait for convergence
     * @param interval     time between the starts of two polls
     */
    Verifier(InstanceSource source, DriftComparator comparator, ExpectedRoutes expected, int minInstances,
             Duration timeout, Duration interval) {
        this.source = source;
        this.expected = expected;
        this.comparator = comparator;
        this.minInstances = minInstances;
        this.timeout = timeout;
        this.interval = interval;
    }

    /**
     * @param progress called after every poll with its status and the time since the first poll started
     * @return the last poll, converged or not
     * @throws InputException       if the source as a whole fails on the first poll (a later failure is shown in the
     *                              progress and retried: a Prometheus restarting mid-rollout is not a bad input)
     * @throws InterruptedException if interrupted while waiting
     */
    Outcome run(BiConsumer<FleetStatus, Duration> progress) throws InputException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int polls = 0;
        while (true) {
            long pollStart = System.nanoTime();
            FleetStatus status;
            try {
                status = FleetStatus.of(comparator, expected, source.poll(), minInstances);
            } catch (InputException e) {
                if (polls == 0) {
                    throw e;
                }
                status = FleetStatus.failed(expected, e.getMessage(), minInstances);
            }
            polls++;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            progress.accept(status, elapsed);
            long now = System.nanoTime();
            if (status.converged() || now - deadline >= 0) {
                return new Outcome(status, status.converged(), elapsed, polls);
            }
            long next = Math.min(pollStart + interval.toNanos(), deadline);
            long wait = next - now;
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
