package dev.runtruth.collector.ladder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one rung and its evidence.
 *
 * @param rung      the rung
 * @param status    the verdict
 * @param evidence  one line: commits, route counts, status codes
 * @param details   more lines, e.g. the missing routes or the probe answers that matter; may be empty
 * @param diagnosis for {@link RungStatus#BROKEN}: what it means and what to do, in plain language; else {@code null}
 * @param facts     the evidence as values for {@code --json} (commits, counts, route lists); insertion-ordered
 */
public record RungResult(Rung rung, RungStatus status, String evidence, List<String> details, String diagnosis,
                         Map<String, Object> facts) {

    /** Copies the lists and map. */
    public RungResult {
        details = List.copyOf(details);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    static RungResult skipped(Rung rung, String why) {
        return new RungResult(rung, RungStatus.SKIPPED, why, List.of(), null, Map.of());
    }

    static RungResult notChecked(Rung rung) {
        return new RungResult(rung, RungStatus.NOT_CHECKED, "not checked: a rung below is broken", List.of(), null,
                Map.of());
    }
}
