package dev.runtruth.collector.cli;

/** The exit codes of every {@code runtruth} command, and their {@code --help} footer. */
public final class ExitCodes {

    /** Success; for {@code check}: no drift. */
    public static final int OK = 0;
    /** {@code check}: drift (a missing route, an unexpected route, or a different commit). */
    public static final int DRIFT = 1;
    /** A usage error (unknown option, missing argument) or an input error (bad path, unreachable URL, bad data). */
    public static final int INPUT_ERROR = 2;
    /** An unexpected internal error: a bug, please report it with the output of {@code --verbose}. */
    public static final int INTERNAL_ERROR = 3;
    /**
     * Cannot tell: no certain drift, but the agent could not see everything in the running process (a framework
     * present but not read, capture errors, a listener with no known routes), so "no drift" cannot be concluded.
     */
    public static final int CANNOT_TELL = 4;

    /** The exit-code section of every command's {@code --help}. */
    public static final String FOOTER = "%nExit codes:%n"
            + "  0  no drift (check); success (other commands)%n"
            + "  1  drift: a missing route, an unexpected route, or a different commit%n"
            + "  2  usage or input error: missing path; not a jar, war, class or directory;%n"
            + "     corrupt jar or class; malformed manifest; unreachable URL; HTTP error%n"
            + "     status; a response that is not Prometheus text%n"
            + "  3  internal error (a bug: rerun with --verbose and report the stack trace)%n"
            + "  4  cannot tell: no certain drift, but the agent could not see everything%n"
            + "     (a framework present but not read, capture errors, a port with no known%n"
            + "     routes); the report's 'not seen' lines say what and why. For expected:%n"
            + "     no route read, and the input holds routes built in code (notes)%n";

    private ExitCodes() {
    }

    /**
     * @param verdict a drift verdict
     * @return its exit code: {@link #OK}, {@link #DRIFT} or {@link #CANNOT_TELL}
     */
    public static int of(dev.runtruth.collector.drift.Verdict verdict) {
        return switch (verdict) {
            case NO_DRIFT -> OK;
            case DRIFT -> DRIFT;
            case CANNOT_TELL -> CANNOT_TELL;
        };
    }
}
