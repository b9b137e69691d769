package dev.runtruth.agent.routes;

import dev.runtruth.model.Route;
import java.util.List;
import java.util.Set;

/**
 * A route source whose answer depends on what the other sources reported in the same read. The servlet source is one:
 * it leaves out a framework's dispatcher servlet (Spring's {@code DispatcherServlet}, Jersey's {@code ServletContainer})
 * when that framework's own capture reports routes, because those routes already say what the servlet serves.
 * {@link RouteRegistry} reads such sources last, so every source is read once per scrape.
 */
public interface LayeredRouteSource extends RouteSource {

    /**
     * Reads the routes registered now. Must not throw: failures are recorded in {@code CaptureErrors}.
     *
     * @param reporting the {@code framework} label values (e.g. {@code spring-webmvc}, {@code jaxrs}) for which the
     *                  plain sources reported at least one route in this read
     * @return the routes, as for {@link RouteSource#routes()}
     */
    List<Route> routes(Set<String> reporting);
}
