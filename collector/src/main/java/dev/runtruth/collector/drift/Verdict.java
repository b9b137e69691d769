package dev.runtruth.collector.drift;

/**
 * The answer to "does the running service serve what the build declares?", one for every command that asks it
 * ({@code check}, {@code ladder}'s runtime rung, {@code serve}). Each has its own exit code ({@code ExitCodes}).
 */
public enum Verdict {

    /** Every expected route is served, nothing unexpected is served, the commits do not differ, nothing is unseen. */
    NO_DRIFT,
    /**
     * Drift for certain: an unexpected route, a different commit, or a missing route while the agent saw every
     * framework in the process.
     */
    DRIFT,
    /**
     * No certain drift, but the agent could not see everything (a framework present but not read, capture errors, a
     * listener with no known routes): missing routes may be served, and "no drift" cannot be concluded.
     */
    CANNOT_TELL
}
