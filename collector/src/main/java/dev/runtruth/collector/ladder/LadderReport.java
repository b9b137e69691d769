package dev.runtruth.collector.ladder;

import java.util.List;
import java.util.Optional;

/**
 * The walked ladder: one result per rung, bottom first.
 *
 * @param rungs the results, in {@link Rung} order
 */
public record LadderReport(List<RungResult> rungs) {

    /** Copies the list. */
    public LadderReport {
        rungs = List.copyOf(rungs);
    }

    /** @return the lowest broken rung, if any */
    public Optional<RungResult> firstBroken() {
        return rungs.stream().filter(r -> r.status() == RungStatus.BROKEN).findFirst();
    }

    /**
     * @param rung a rung
     * @return its result
     */
    public RungResult get(Rung rung) {
        return rungs.stream().filter(r -> r.rung() == rung).findFirst().orElseThrow();
    }
}
