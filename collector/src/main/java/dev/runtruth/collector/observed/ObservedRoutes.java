package dev.runtruth.collector.observed;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.RouteLists;
import dev.runtruth.model.Route;
import java.util.List;
import java.util.Objects;

/**
 * The routes a running service serves, as its Runtruth agent reports them, and which build it runs: the runtime side
 * of a drift check.
 *
 * @param source       where they came from, e.g. the metrics URL
 * @param build        the running build, from {@code runtruth_build_info}; components may be unknown
 * @param agentVersion the agent's version from {@code runtruth_agent_info}, {@code null} when not exported
 * @param routes       the served routes, one per {@linkplain Route#key() key}, in {@link RouteLists#ORDER}
 * @param warnings     one line per sample that was skipped (e.g. a route without a {@code route} label)
 * @param coverage     what the agent could see; the routes are complete only when it has no blind spot
 */
public record ObservedRoutes(String source, BuildIdentity build, String agentVersion, List<Route> routes,
                             List<String> warnings, Coverage coverage) {

    /** Sorts and de-duplicates {@code routes}; copies the lists. */
    public ObservedRoutes {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(coverage, "coverage");
        routes = RouteLists.sortedUnique(routes);
        warnings = List.copyOf(warnings);
    }

    /**
     * @return the routes served on the application's listener(s): every route without a {@link Route#port()}
     */
    public List<Route> applicationRoutes() {
        return routes.stream().filter(r -> !r.onSeparateListener()).toList();
    }

    /**
     * @return the routes a framework serves on a separate administration or management listener (Dropwizard's admin
     *         connector), each with its {@link Route#port()}
     */
    public List<Route> separateListenerRoutes() {
        return routes.stream().filter(Route::onSeparateListener).toList();
    }

    /** @return these observations with the routes of separate listeners left out ({@link #applicationRoutes()}) */
    public ObservedRoutes onApplicationListener() {
        return new ObservedRoutes(source, build, agentVersion, applicationRoutes(), warnings, coverage);
    }

    /**
     * @return the routes when the agent saw everything ({@link Coverage#blind()} is false), else {@code null}: a
     *         list with blind spots cannot say that a route is not registered
     */
    public List<Route> completeRoutes() {
        return coverage.blind() ? null : routes;
    }
}
