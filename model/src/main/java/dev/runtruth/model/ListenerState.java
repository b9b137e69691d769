package dev.runtruth.model;

/**
 * What the agent knows about a TCP port the process accepts connections on: the {@code state} label of
 * {@code runtruth_listener_info} ({@link MetricNames#LISTENER_INFO}). An {@link #UNKNOWN} listener is a coverage gap:
 * the process may serve HTTP there that no route the agent reports describes, so a verdict cannot say "no drift".
 */
public enum ListenerState {

    /** The server of a framework the agent reads is bound to this port: its routes are what the port serves. */
    SERVED("served"),
    /** The process accepts connections here and no framework the agent reads is known to serve it. */
    UNKNOWN("unknown");

    private final String label;

    ListenerState(String label) {
        this.label = label;
    }

    /** @return the label value, e.g. {@code served} */
    public String label() {
        return label;
    }

    /** @return whether the process may serve routes on this port that the agent does not report */
    public boolean blind() {
        return this != SERVED;
    }

    /**
     * @param label a label value as exported, e.g. {@code unknown}
     * @return the state
     * @throws IllegalArgumentException if {@code label} is not one of the documented values
     */
    public static ListenerState ofLabel(String label) {
        for (ListenerState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown listener state '" + label + "' (known: served, unknown)");
    }
}
