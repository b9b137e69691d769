package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ktor on Netty: the truth is the app's routing tree as Ktor lists it, {@code getAllRoutes()} of the routing root
 * served at {@code GET /declared-routes}, one route per line: the method of its {@code HttpMethodRouteSelector} ({@code *}
 * without one) and Ktor's own {@code toString()} of the node it hangs under, the selectors from the root, e.g.
 * {@code GET /ctx/api/users/{id}}. Read here: parenthesised selectors (headers, accept) select without a path segment;
 * Ktor prints a tailcard {@code {...}} without its name: the rest of the path, {@code {*}}. The app runs with the engine's
 * {@code rootPath} {@link #ROOT_PATH}, which Ktor's root selector prints first.
 */
abstract class AbstractKtorIT extends AbstractRouteTruthIT {

    static final String ROOT_PATH = "/ctx";

    @Override
    String framework() {
        return "ktor";
    }

    @Override
    List<String> appArgs(int port) {
        return List.of(String.valueOf(port), ROOT_PATH);
    }

    @Override
    String readinessPath() {
        return ROOT_PATH + "/declared-routes";
    }

    @Override
    Set<Route> truth() throws IOException {
        Set<Route> routes = new LinkedHashSet<>();
        for (String line : TestJvm.get(appUrl(readinessPath())).body().split("\n")) {
            if (!line.isBlank()) {
                routes.add(fromKtor(line.trim()));
            }
        }
        return routes;
    }

    /** @param line {@code METHOD PATH} as the app prints it, e.g. {@code GET /ctx/api/(header:X-Version = 2)/versioned} */
    private Route fromKtor(String line) {
        int space = line.indexOf(' ');
        String method = line.substring(0, space);
        String printed = line.substring(space + 1);
        StringBuilder path = new StringBuilder();
        for (String segment : printed.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("(")) {
                path.append('/').append(segment.equals("{...}") ? "{*}" : segment);
            }
        }
        if (printed.endsWith("/") && path.length() > 0) {
            path.append('/');
        }
        return Route.of(method, path.length() == 0 ? "/" : path.toString(), framework(), "");
    }

    @Override
    int minimumRoutes() {
        return 9;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET /ctx/api/users/{id}/files/{*path}"), Route.parse("PUT /ctx/api/admin"),
                Route.parse("GET /ctx/api/versioned"), Route.parse("* /ctx/api/any"),
                Route.parse("GET /ctx/api/items/{id?}"), Route.parse("GET /ctx/"));
    }
}
