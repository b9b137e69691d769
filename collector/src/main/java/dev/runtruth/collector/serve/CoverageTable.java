package dev.runtruth.collector.serve;

import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.model.InventoryState;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage facts of one answer, made once however many instances share them: each distinct label set of {@code
 * runtruth_framework_info} becomes one {@link Coverage.Framework}, and instances with equal coverage share one {@link
 * Coverage}, so a fleet on one build holds one of each. Not thread-safe.
 */
final class CoverageTable {

    /** Order of an instance's frameworks: Prometheus does not keep the agent's order, so by name, then the rest. */
    static final Comparator<Coverage.Framework> ORDER = Comparator.comparing(Coverage.Framework::name)
            .thenComparing(Coverage.Framework::version).thenComparing(f -> f.state().label())
            .thenComparing(Coverage.Framework::reason);

    private record Labels(String name, String version, String state, String reason) {
    }

    private final Map<Labels, Coverage.Framework> frameworks = new HashMap<>();
    private final Map<Coverage, Coverage> coverages = new HashMap<>();

    /**
     * @param name    the {@code framework} label, or {@code null}
     * @param version the {@code version} label, or {@code null}
     * @param state   the {@code state} label, or {@code null}
     * @param reason  the {@code reason} label, or {@code null}
     * @return the framework ({@link Coverage.Framework#ofLabels}: an unknown state is failed), one instance per
     *         distinct label set
     */
    Coverage.Framework framework(String name, String version, String state, String reason) {
        return frameworks.computeIfAbsent(new Labels(name, version, state, reason),
                l -> Coverage.Framework.ofLabels(l.name(), l.version(), l.state(), l.reason()));
    }

    /**
     * @param frameworks    the instance's frameworks, sorted by {@link #ORDER}
     * @param captureErrors its capture error count
     * @param unknownPorts  its unknown listeners as {@code address:port}, sorted
     * @param inventory     its {@code runtruth_inventory_info} state ({@link InventoryState#UNKNOWN} when it exports
     *                      none)
     * @param inventoryReason that series' {@code reason}, {@code ""} when none
     * @return an equal coverage, the same instance for equal arguments
     */
    Coverage coverage(List<Coverage.Framework> frameworks, long captureErrors, List<String> unknownPorts,
                      InventoryState inventory, String inventoryReason) {
        Coverage coverage = new Coverage(frameworks, captureErrors, unknownPorts, inventory, inventoryReason);
        return coverages.computeIfAbsent(coverage, c -> c);
    }
}
