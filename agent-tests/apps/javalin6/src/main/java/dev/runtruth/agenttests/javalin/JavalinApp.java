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

/**
 * A Javalin 6 app for the agent's integration tests: endpoints added on the app, through {@code RouterConfig#mount}
 * and through the {@code ApiBuilder}; {@code {param}}, {@code <param>} and wildcard paths; before/after filters
 * (not endpoints); a WebSocket and a server-sent-events endpoint. The bundled {@code RouteOverviewPlugin} serves the
 * truth at {@code /routes} (JSON with {@code Accept: application/json}).
 *
 * <p>Usage: {@code java -jar javalin6.jar <port> [context path]}
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
            config.router.mount(router -> router.get("/mounted/{id}", ok));
            config.router.apiBuilder(() -> path("/api", () -> {
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
        });
        app.before("/api/*", ctx -> { });
        app.after(ctx -> { });
        app.get("/hello", ok);
        app.head("/hello", ok);
        app.options("/hello", ok);
        app.put("/items/{id}", ok);
        app.get("/assets/*", ok);
        app.addHttpHandler(HandlerType.TRACE, "/trace", ok);
        app.ws("/chat/{room}", ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
        app.sse("/events", client -> client.sendEvent("hello"));
        app.start("127.0.0.1", port);
    }
}
