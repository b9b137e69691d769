package dev.runtruth.collector.ladder;

/**
 * The verdict on one rung. {@link #BROKEN} makes {@code runtruth ladder} exit 1; else {@link #UNKNOWN} makes it exit 4
 * (cannot tell).
 */
public enum RungStatus {
    /** The evidence says the feature got this far. */
    OK,
    /**
     * It got this far, with something worth knowing (a dirty tree, a build output without its commit, routes the
     * artifact adds, a route that answers 500: present, and failing).
     */
    WARN,
    /** It did not get this far: the diagnosis says why and what to do. */
    BROKEN,
    /**
     * Cannot tell: the evidence is incomplete (the agent could not see every framework in the process, and routes
     * it did not see are missing from its list); the diagnosis says what was not seen.
     */
    UNKNOWN,
    /** The input this rung needs was not given (e.g. no {@code --artifact}), or there is nothing to check. */
    SKIPPED,
    /** Not walked: a rung below is broken (walk on with {@code --all}). */
    NOT_CHECKED
}
