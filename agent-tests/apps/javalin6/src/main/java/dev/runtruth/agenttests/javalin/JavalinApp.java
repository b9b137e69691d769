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
import io.javalin.router.JavalinDefaultRouting;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Javalin 6 app for the agent's integration tests: endpoints added on the app, through {@code RouterConfig#mount}
 * and through the {@code ApiBuilder}; {@code {param}}, {@code <param>} and wildcard paths; before/after filters
 * (not endpoints); a WebSocket and a server-sent-events endpoint. The bundled {@code RouteOverviewPlugin} serves the
 * truth at {@code /routes} (JSON with {@code Accept: application/json}).
 *
 * <p>{@code POST /debug/register-late} adds {@code GET /late/direct} and {@code DELETE /late/items/{id}} while the app
 * serves, once.
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
        AtomicReference<JavalinDefaultRouting> routing = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.router.contextPath = contextPath;
            config.bundledPlugins.enableRouteOverview("/routes");
            config.router.mount(router -> {
                router.get("/mounted/{id}", ok);
                routing.set(router);
            });
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
        // routes added while the app serves, once, through the routing the mount handed out (not the Javalin object:
        // nothing keeps it reachable once main returned, as in a real app)
        AtomicBoolean late = new AtomicBoolean();
        app.post("/debug/register-late", ctx -> {
            if (late.compareAndSet(false, true)) {
                routing.get().get("/late/direct", ok);
                routing.get().delete("/late/items/{id}", ok);
            }
            ctx.result("registered");
        });
        app.start("127.0.0.1", port);
    }
}
