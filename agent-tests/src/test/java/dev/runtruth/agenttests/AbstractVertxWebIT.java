package dev.runtruth.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Vert.x Web: the app ({@code agent-tests/apps/vertx4-web}, built also against vertx-web 4.5.9 as
 * {@code vertx459-web} and Vert.x 5 as {@code vertx5-web}) walks {@code Router#getRoutes()} from its root router
 * through every mounted sub-router with Vert.x's public API and serves the list at {@code /debug/routes}; that list
 * is the truth. It has the app's own routes, nested sub-routers (one mounted on a {@code :param} path) and two routers
 * built by vertx-web's SockJS implementation (plain and regex routes).
 *
 * <p>The app writes paths as Vert.x does; the truth puts them in the shared vocabulary: a prefix route
 * ({@code /static/*}, and a route without path, {@code /*}), which Vert.x matches at any depth, is {@code /static/**}.
 * Where and how the walk joins a mount path with the sub-router's routes is the app's own code, written like
 * vertx-web's {@code RouteImpl#validateMount}, not an independent listing by Vert.x.
 */
abstract class AbstractVertxWebIT extends AbstractRouteTruthIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String framework() {
        return "vertx-web";
    }

    @Override
    List<String> appArgs(int port) {
        return List.of(String.valueOf(port));
    }

    @Override
    String readinessPath() {
        return "/debug/routes";
    }

    @Override
    Set<Route> truth() throws IOException {
        HttpResponse<String> response = TestJvm.get(appUrl("/debug/routes"));
        Set<Route> routes = new LinkedHashSet<>();
        for (JsonNode route : JSON.readTree(response.body())) {
            String path = route.get("path").asText();
            if (route.get("match").asText().equals("prefix")) {
                path = path.substring(0, path.length() - 1) + "**"; // Vert.x's trailing * matches at any depth
            }
            routes.add(Route.of(route.get("method").asText(), path, framework(), ""));
        }
        return routes;
    }

    @Override
    int minimumRoutes() {
        return 40;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /api/v1/users/{id}"),
                Route.parse("POST /api/v1/admin/cache/clear"),
                Route.parse("PATCH /tenants/{tenant}/settings/{key}"),
                Route.parse("* /static/**"),
                Route.parse("* /**"),
                Route.parse("GET /eventbus/info"),
                Route.parse("GET /echo/websocket"));
    }
}
