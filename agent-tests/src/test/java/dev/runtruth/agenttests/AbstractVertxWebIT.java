package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
 * vertx-web's {@code RouteImpl#validateMount}: that listing is the truth of completeness (every route Vert.x lists is
 * reported), but its join is an interpretation like the agent's. So {@link #everyReportedRouteIsServedThereByVertx}
 * holds the agent's full templates against Vert.x's router itself, over HTTP: each one, filled with sample values, is
 * routed (not 404), while made-up paths, also under each mount point, answer 404.
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

    /**
     * Vert.x's router is the judge of the agent's templates: every route the agent reports with a concrete path (not
     * a regex, not a prefix {@code /**}: no request can prove those) is requested with its method ({@code GET} for
     * {@code *}) and {@code {variables}} filled in, and must not answer 404 (no route of that path); made-up paths at
     * the root and under each mount point answer 404, and a known path with a method it lacks 405, so the probe can
     * fail.
     */
    @Test
    void everyReportedRouteIsServedThereByVertx() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> notRouted = new ArrayList<>();
        int probed = 0;
        for (Route route : app().routes(framework())) {
            String template = route.template();
            if (template.endsWith("/**") || template.contains("\\") || template.contains("[")) {
                continue; // a prefix or a regex: no single request stands for it
            }
            String method = route.method().equals("*") ? "GET" : route.method();
            int status = status(client, method, template.replaceAll("\\{[^}/]+}", "1"));
            probed++;
            if (status == 404) {
                notRouted.add(route.method() + " " + template + " -> 404");
            }
        }
        assertThat(probed).as("routes probed").isGreaterThan(probedMoreThan());
        assertThat(notRouted).as("reported routes Vert.x does not route").isEmpty();
        for (String madeUp : List.of("/no-such-route", "/api/v1/no-such-route", "/tenants/t1/no-such-route",
                "/orders/1/no-such-route")) {
            assertThat(status(client, "GET", madeUp)).as("GET %s, a made-up path", madeUp).isEqualTo(404);
        }
        assertThat(status(client, "DELETE", "/hello")).as("DELETE /hello, a method the route lacks").isEqualTo(405);
    }

    /**
     * Routes registered while the app serves are reported at the next scrape: {@code POST /debug/register-late} adds a
     * route to the root router and mounts a sub-router created then. Routes are read at scrape time from the routers
     * found; the new router, which no constructor hook saw under hook-free discovery, is reached through its mount.
     * The app's listing, read again, is the truth.
     */
    @Test
    void routesRegisteredAfterStartAreReported() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThat(status(client, "POST", "/debug/register-late")).as("POST /debug/register-late").isEqualTo(200);
        Set<Route> truth = truth();
        assertThat(truth).as("the app's listing after the late registration (sanity)")
                .contains(Route.parse("GET /late/direct"), Route.parse("GET /late/items/{id}"));
        app().assertRoutesEqual("the framework's listing after a late registration", truth, "runtruth_route_info",
                app().routes(framework()));
    }

    /** @return the status of one request; the body is not read (SockJS streams some answers) */
    private int status(HttpClient client, String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl(path))).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** @return the probe must request more concrete-path routes than this: it must not pass on a trivial app */
    int probedMoreThan() {
        return 15;
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
