package dev.runtruth.agent.routes;

import dev.runtruth.model.Route;
import java.util.Collections;
import java.util.List;

/**
 * One read of every route source ({@link RouteRegistry#read()}): the merged routes, and for each framework capture
 * what its read gave. Immutable.
 */
public final class RouteRead {

    /** What reading one capture's source gave. Immutable. */
    public static final class Outcome {

        private final FrameworkCapture capture;
        private final List<Route> routes;
        private final int failures;
        private final String firstFailure;

        Outcome(FrameworkCapture capture, List<Route> routes, int failures, String firstFailure) {
            this.capture = capture;
            this.routes = Collections.unmodifiableList(routes);
            this.failures = failures;
            this.firstFailure = firstFailure;
        }

        /** @return the capture that was read */
        public FrameworkCapture capture() {
            return capture;
        }

        /** @return the routes it read, before de-duplication across captures */
        public List<Route> routes() {
            return routes;
        }

        /** @return failures recorded in {@code CaptureErrors} during the read */
        public int failures() {
            return failures;
        }

        /** @return the first of them, {@code message: cause}; {@code null} when none */
        public String firstFailure() {
            return firstFailure;
        }
    }

    private final List<Route> routes;
    private final List<Outcome> outcomes;

    RouteRead(List<Route> routes, List<Outcome> outcomes) {
        this.routes = Collections.unmodifiableList(routes);
        this.outcomes = Collections.unmodifiableList(outcomes);
    }

    /** @return distinct routes sorted by template, then method, then framework */
    public List<Route> routes() {
        return routes;
    }

    /** @return one outcome per capture, in the order the captures are read */
    public List<Outcome> outcomes() {
        return outcomes;
    }
}
