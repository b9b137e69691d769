package dev.runtruth.collector.probe;

import java.util.Locale;

/**
 * What the answer to one probe request says about an expected route. See {@code docs/ladder.md} ("runtruth probe")
 * for the table from HTTP status to outcome.
 */
public enum ProbeOutcome {

    /** 2xx or 3xx, or another 4xx (400, 406, 415, ...) that a handler gave to the placeholder request. */
    PRESENT(false),
    /** 401 or 403, or a redirect to a login page: the route exists behind authentication. */
    PROTECTED(false),
    /** 404 for a route the agent reports as registered: the application's own "not found" for the placeholder. */
    APP_NOT_FOUND(false),
    /** 404 for a route the agent does not report: the framework's no-handler answer. */
    ABSENT(true),
    /** 404 without an agent route list to tell the framework's no-handler answer from the application's own. */
    NOT_FOUND(true),
    /** 405, or an {@code Allow} header without the route's method: the path exists, the method does not. */
    METHOD_MISMATCH(true),
    /**
     * 500, 501, 505 and up: the route is there (the framework found a handler, which failed on the placeholder request, or the
     * application's own error page): present and failing. Not absence, and not a problem for the exit code: a route
     * rung answers "is it exposed?", and a crash page such as Spring PetClinic's {@code GET /oups} answers 500 by
     * design. The evidence says to read the service's log.
     */
    PRESENT_FAILING(false),
    /** No HTTP answer (connection refused, reset, timed out), or 502, 503, 504: a gateway's "unavailable". */
    UNREACHABLE(true),
    /** Not sent: an unsafe method with {@code --unsafe-routes skip}, or a route that is not plain HTTP (gRPC). */
    NOT_PROBED(false);

    private final boolean problem;

    ProbeOutcome(boolean problem) {
        this.problem = problem;
    }

    /** @return whether this outcome makes {@code runtruth probe} exit 1 */
    public boolean isProblem() {
        return problem;
    }

    /** @return the outcome as printed and in JSON, e.g. {@code method-mismatch} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
