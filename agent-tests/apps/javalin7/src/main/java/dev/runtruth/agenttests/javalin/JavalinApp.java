package dev.runtruth.agenttests.javalin;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.ws;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * A Javalin 7 app for the agent's integration tests: endpoints added through {@code config.routes} (Javalin 7 takes
 * routes in the configuration only), through {@code addEndpoint} and through the {@code ApiBuilder}; {@code {param}}, {@code <param>} and wildcard paths; before/after filters
 * (not endpoints); the QUERY method (new in 7); a WebSocket and a server-sent-events endpoint. The bundled {@code RouteOverviewPlugin} serves the
 * truth at {@code /routes} (JSON with {@code Accept: application/json}).
 *
 * <p>Usage: {@code java -jar javalin7.jar <port> [context path]}
 */
public final class JavalinApp {

    private JavalinApp() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String contextPath = args.length > 1 ? args[1] : "/";
        Handler ok = ctx -> ctx.result("ok");
        Javalin app = Javalin.create(config -> {
            config.router.contextPath = contextPath;
            config.bundledPlugins.enableRouteOverview("/routes");
            config.routes.addEndpoint(Endpoint.create(HandlerType.GET, "/mounted/{id}").handler(ok));
            config.routes.apiBuilder(() -> path("/api", () -> {
                get("/users", ok);
                post("/users", ok);
                path("/users/{userId}", () -> {
                    get(ok);
                    patch(ok);
                    delete(ok);
                    get("/files/<path>", ok);
                });
                ws("/live", ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
            }));
            config.routes.before("/api/*", ctx -> { });
            config.routes.after(ctx -> { });
            config.routes.get("/hello", ok);
            config.routes.head("/hello", ok);
            config.routes.options("/hello", ok);
            config.routes.query("/search", ok);
            config.routes.put("/items/{id}", ok);
            config.routes.get("/assets/*", ok);
            config.routes.addHttpHandler(HandlerType.TRACE, "/trace", ok);
            config.routes.ws("/chat/{room}", ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
            config.routes.sse("/events", client -> client.sendEvent("hello"));
        });
        app.start("127.0.0.1", port);
    }
}
