package dev.runtruth.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only log: one line per event on the host's stderr, prefixed {@code [runtruth]}. It never uses the
 * application's logging framework.
 *
 * <p>The first warning of a kind is printed; later ones of the same kind are printed only with
 * {@code -Druntruth.debug=true} (the WarnThenDebug habit of Micrometer's {@code WarnThenDebugLogger}), so a hook that
 * fails on every call cannot flood the host's log.
 */
public final class AgentLog {

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static volatile boolean debug = Boolean.getBoolean("runtruth.debug");

    private AgentLog() {
    }

    /**
     * Prints a warning the first time a kind is seen; later warnings of that kind go to {@link #debug}.
     *
     * @param kind    a stable identifier of the failure, e.g. {@code endpoint.bind}
     * @param message one line saying what failed and what the agent does instead
     */
    public static void warn(String kind, String message) {
        if (WARNED.add(kind)) {
            System.err.println("[runtruth] WARN " + message);
        } else {
            debug(message);
        }
    }

    /**
     * Prints a warning with the cause's type and message appended, first time per kind only.
     *
     * @param kind    a stable identifier of the failure
     * @param message what failed
     * @param cause   the exception; its stack trace is printed only in debug mode
     */
    public static void warn(String kind, String message, Throwable cause) {
        warn(kind, message + ": " + cause);
        if (debug) {
            cause.printStackTrace();
        }
    }

    /** @param message a line printed only with {@code -Druntruth.debug=true} */
    public static void debug(String message) {
        if (debug) {
            System.err.println("[runtruth] DEBUG " + message);
        }
    }

    static void enableDebug() {
        debug = true;
    }
}
