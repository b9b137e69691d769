package dev.runtruth.collector.serve;

import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct routes of one answer, numbered in order of first appearance: each distinct set of route labels is
 * normalised into a {@link Route} once ({@link Route#of}), however many instances serve it. Not thread-safe.
 */
final class RouteTable {

    private record Labels(String method, String route, String framework, String handler, String port) {
    }

    private final Map<Labels, Integer> ids = new HashMap<>();
    private final List<Route> routes = new ArrayList<>();

    /**
     * @param method    the {@code method} label, or {@code null}
     * @param route     the {@code route} label, a path template
     * @param framework the {@code framework} label, or {@code null}
     * @param handler   the {@code handler} label, or {@code null}
     * @param port      the {@code port} label ({@link Route#port()}: empty or {@code null} for the application's
     *                  listener, the port of a separate admin or management listener otherwise)
     * @return the route's number, from 0 in order of first appearance
     */
    int id(String method, String route, String framework, String handler, String port) {
        Labels labels = new Labels(method, route, framework, handler, port);
        Integer id = ids.get(labels);
        if (id == null) {
            id = routes.size();
            Route r = Route.of(method, route, framework, handler);
            routes.add(port == null || port.isEmpty() ? r : r.withPort(port));
            ids.put(labels, id);
        }
        return id;
    }

    /** @return the route numbered {@code id} by {@link #id} */
    Route route(int id) {
        return routes.get(id);
    }

    /** @return how many distinct label sets were seen */
    int size() {
        return routes.size();
    }
}
