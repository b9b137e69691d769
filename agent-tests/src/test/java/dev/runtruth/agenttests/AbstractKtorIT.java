package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

    /**
     * Routes registered while the app serves are reported at the next scrape: {@code POST /debug/register-late} adds
     * routes to the installed routing root through Ktor's {@code routing {}}; the agent reads the routing tree at
     * scrape time from the root it found. The app's listing, read again, is the truth.
     */
    @Test
    void routesRegisteredAfterStartAreReported() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl(ROOT_PATH + "/debug/register-late")))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("POST /debug/register-late").isEqualTo(200);
        Set<Route> truth = truth();
        assertThat(truth).as("the app's listing after the late registration (sanity)")
                .contains(Route.parse("GET /ctx/late/direct"), Route.parse("GET /ctx/late/items/{id}"));
        app().assertRoutesEqual("the framework's listing after a late registration", truth, "runtruth_route_info",
                app().routes(framework()));
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
