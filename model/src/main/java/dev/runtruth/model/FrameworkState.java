package dev.runtruth.model;

/**
 * Whether the agent could read the routes of one web framework present in the process: the {@code state} label of
 * {@code runtruth_framework_info} ({@link MetricNames#FRAMEWORK_INFO}). Every state but {@link #CAPTURED} means the
 * agent's route list may lack routes the process serves, so a verdict built on it cannot say "no drift".
 */
public enum FrameworkState {

    /** Every framework object the agent found was read without a failure. */
    CAPTURED("captured"),
    /** Routes were read, but some detail or optional part failed (counted in the capture errors): routes may lack. */
    PARTIAL("partial"),
    /** The framework is present and in use, and nothing could be read (a failure, or its objects were not found). */
    FAILED("failed"),
    /** A web framework Runtruth knows of but does not read: its routes are not reported at all. */
    UNSUPPORTED("unsupported");

    private final String label;

    FrameworkState(String label) {
        this.label = label;
    }

    /** @return the label value, e.g. {@code captured} */
    public String label() {
        return label;
    }

    /** @return whether routes of this framework may be served that the agent does not report */
    public boolean blind() {
        return this != CAPTURED;
    }

    /**
     * @param label a label value as exported, e.g. {@code partial}
     * @return the state
     * @throws IllegalArgumentException if {@code label} is not one of the documented values
     */
    public static FrameworkState ofLabel(String label) {
        for (FrameworkState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown framework state '" + label + "' (known: captured, partial, "
                + "failed, unsupported)");
    }
}
