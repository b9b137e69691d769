package dev.runtruth.agent;

/**
 * Bad agent options. The message names each bad option and value and says what was expected; {@link #usable()}
 * carries the options with every bad input replaced by its default, so the agent can warn once and go on.
 */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient AgentArgs usable;

    ConfigurationException(String message, AgentArgs usable) {
        super(message);
        this.usable = usable;
    }

    /** @return the options built from the good inputs and defaults */
    public AgentArgs usable() {
        return usable;
    }
}
