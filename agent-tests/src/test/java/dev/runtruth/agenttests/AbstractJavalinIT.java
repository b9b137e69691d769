package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.PathTemplate;
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

/**
 * Javalin: the truth is the bundled {@code RouteOverviewPlugin}'s JSON at {@code /routes} ({@code Accept:
 * application/json}), i.e. the app's {@code InternalRouter#allHttpHandlers()} and {@code allWsHandlers()}, read over
 * HTTP. The plugin lists paths without the context path and every handler type; the agent reports endpoints only, so
 * the truth keeps HTTP methods (dropping Javalin's filter types), marks {@code SseHandler} endpoints {@code SSE} and
 * WebSocket endpoints {@code WS}, and prefixes the context path. The app runs with context path {@link #CONTEXT_PATH}.
 */
abstract class AbstractJavalinIT extends AbstractRouteTruthIT {

    static final String CONTEXT_PATH = "/ctx";

    // Javalin's HandlerType values that are filters, not endpoints (isHttpMethod = false in Javalin 6 and 7)
    private static final Set<String> FILTER_TYPES = Set.of("BEFORE", "BEFORE_MATCHED", "AFTER_MATCHED", "AFTER",
            "WEBSOCKET_BEFORE_UPGRADE", "WEBSOCKET_AFTER_UPGRADE", "INVALID");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String framework() {
        return "javalin";
    }

    @Override
    List<String> appArgs(int port) {
        return List.of(String.valueOf(port), CONTEXT_PATH);
    }

    @Override
    String readinessPath() {
        return CONTEXT_PATH + "/routes";
    }

    @Override
    Set<Route> truth() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl(CONTEXT_PATH + "/routes")))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build();
        JsonNode overview;
        try {
            overview = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Set<Route> routes = new LinkedHashSet<>();
        for (JsonNode handler : overview.get("handlers")) {
            String type = handler.get("handlerType").asText();
            if (!FILTER_TYPES.contains(type)) {
                boolean sse = handler.get("metaInfo").asText().startsWith("io.javalin.http.sse.SseHandler");
                routes.add(route(sse ? "SSE" : type, handler.get("path").asText()));
            }
        }
        for (JsonNode handler : overview.get("wsHandlers")) {
            if (handler.get("handlerType").asText().equals("WEBSOCKET")) {
                routes.add(route("WS", handler.get("path").asText()));
            }
        }
        return routes;
    }

    /**
     * Javalin serves every endpoint through its own {@code JavalinJettyServlet} on {@code /*}: framework plumbing, not
     * a route of its own. The agent's whole route list, every framework label, is the Javalin listing, with no
     * {@code servlet * /**} beside it.
     */
    @org.junit.jupiter.api.Test
    void javalinsOwnServletIsNotAnExtraRoute() throws IOException {
        app().assertRoutesEqual("the framework's listing", truth(), "runtruth_route_info (every framework)",
                new LinkedHashSet<>(app().scrape().routes()));
    }

    /**
     * @return whether the app adds routes while it serves ({@code POST /debug/register-late}): the Javalin 6 app does;
     *         Javalin 7 takes routes in the configuration only
     */
    boolean registersLateRoutes() {
        return false;
    }

    /**
     * Routes registered while the app serves are reported at the next scrape: {@code POST /debug/register-late} adds
     * two endpoints through the routing Javalin handed to {@code RouterConfig#mount}; the agent reads the internal
     * router at scrape time from the config holder it found. The plugin's listing, read again, is the truth.
     */
    @org.junit.jupiter.api.Test
    void routesRegisteredAfterStartAreReported() throws IOException, InterruptedException {
        assumeTrue(registersLateRoutes(), "this app adds no route while it serves");
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl(CONTEXT_PATH + "/debug/register-late")))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("POST /debug/register-late").isEqualTo(200);
        Set<Route> truth = truth();
        assertThat(truth).as("the app's listing after the late registration (sanity)")
                .contains(Route.parse("GET /ctx/late/direct"), Route.parse("DELETE /ctx/late/items/{id}"));
        app().assertRoutesEqual("the framework's listing after a late registration", truth, "runtruth_route_info",
                app().routes(framework()));
    }

    private Route route(String method, String path) {
        return Route.of(method, PathTemplate.join(CONTEXT_PATH, path), framework(), "");
    }

    @Override
    int minimumRoutes() {
        return 14;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /ctx/api/users/{userId}/files/{path}"),
                Route.parse("DELETE /ctx/api/users/{userId}"),
                Route.parse("GET /ctx/routes"),
                Route.parse("SSE /ctx/events"),
                Route.parse("WS /ctx/chat/{room}"),
                Route.parse("WS /ctx/api/live"));
    }
}
