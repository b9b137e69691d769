package dev.runtruth.agent.coverage;

import dev.runtruth.model.FrameworkState;

/**
 * Whether the agent could read one web framework present in this JVM: one series of
 * {@code runtruth_framework_info{framework,version,state,reason}}. Immutable; every field non-null.
 */
public final class FrameworkCoverage {

    private final String framework;
    private final String version;
    private final FrameworkState state;
    private final String reason;

    /**
     * @param framework the framework read or known, e.g. {@code jersey}, {@code helidon-se}
     * @param version   its version from the jar its landmark class came from; {@code ""} when unknown
     * @param state     what the agent could read
     * @param reason    one line saying what could not be read and why; {@code ""} for {@link FrameworkState#CAPTURED}
     */
    public FrameworkCoverage(String framework, String version, FrameworkState state, String reason) {
        this.framework = framework;
        this.version = version == null ? "" : version;
        this.state = state;
        this.reason = reason == null ? "" : reason;
    }

    /** @return the {@code framework} label, e.g. {@code jersey} */
    public String framework() {
        return framework;
    }

    /** @return the framework's version, {@code ""} when unknown */
    public String version() {
        return version;
    }

    /** @return the state */
    public FrameworkState state() {
        return state;
    }

    /** @return why the state is not {@code captured}; {@code ""} when it is */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return framework + (version.isEmpty() ? "" : " " + version) + " " + state.label()
                + (reason.isEmpty() ? "" : ": " + reason);
    }
}
