package dev.runtruth.model;

/**
 * Whether the agent's inventory of one process is complete: the {@code state} label of {@code runtruth_inventory_info}
 * ({@link MetricNames#INVENTORY_INFO}). While an application starts, its frameworks register routes one after the
 * other; a route list read then lacks routes that are served a moment later, so it must not be read as drift.
 */
public enum InventoryState {

    /** Every framework startup the agent follows has finished (a Spring context refreshed, a servlet context started). */
    READY("ready"),
    /** A framework startup the agent follows is under way: routes may still be added. Not an answer yet. */
    STARTING("starting"),
    /**
     * The agent follows no startup in this process (a framework whose startup it does not follow, or an attach after
     * the start): the inventory may or may not be complete. Readers go on as with an agent that exports no state.
     */
    UNKNOWN("unknown");

    private final String label;

    InventoryState(String label) {
        this.label = label;
    }

    /** @return the label value, e.g. {@code ready} */
    public String label() {
        return label;
    }

    /**
     * @param label a label value as exported, or {@code null} (an agent that exports no state)
     * @return the state; {@link #UNKNOWN} for {@code null} or a value this version does not know (never read as
     *         ready, never waited on)
     */
    public static InventoryState ofLabel(String label) {
        for (InventoryState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
