package dev.runtruth.agent.routes;

import dev.runtruth.model.Route;
import java.util.List;

/**
 * Something that knows the routes one framework registered in this JVM. Read at scrape time, never on the request
 * path: an implementation reads the framework's own registry (e.g. Spring's handler mappings), it does not intercept
 * requests.
 */
public interface RouteSource {

    /**
     * Reads the routes registered now. Must not throw: failures are recorded in {@code CaptureErrors}.
     *
     * @return the routes, as full paths a client requests (context path and servlet path applied); empty when the
     *         framework has not started yet
     */
    List<Route> routes();
}
