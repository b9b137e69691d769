package dev.runtruth.agenttests.vertx;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

/**
 * A Vert.x Web app for the agent's integration tests (the same source builds against vertx-web 4.5 and 5.x): own
 * routes of every kind (exact, {@code :param}, prefix {@code /*}, regex, without path, several methods), nested
 * sub-routers (one mounted on a {@code :param} path), and two routers built by vertx-web's SockJS implementation.
 *
 * <p>{@code GET /debug/routes} is the truth the tests compare the agent with: it walks {@code Router#getRoutes()}
 * from the root router through every {@code Route#getSubRouter()}, using Vert.x's public API only, and answers
 * {@code [{"method": "GET", "path": "/api/v1/users/:id"}, ...]}.
 *
 * <p>Usage: {@code java -jar vertx-web.jar <port>}
 */
public final class VertxApp {

    private VertxApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        Handler<RoutingContext> ok = ctx -> ctx.response().end("ok");

        Router root = Router.router(vertx);
        root.route().handler(BodyHandler.create());
        root.get("/hello").handler(ok);
        root.post("/orders").handler(ok);
        root.route(HttpMethod.PUT, "/orders/:orderId").handler(ok);
        root.get("/orders/:orderId/items/:itemId").handler(ok);
        root.route().method(HttpMethod.GET).method(HttpMethod.HEAD).path("/multi").handler(ok);
        root.route("/static/*").handler(StaticHandler.create("webroot"));
        root.getWithRegex("\\/reports\\/[0-9]{4}\\.csv").handler(ok);

        Router admin = Router.router(vertx);
        admin.get("/stats").handler(ok);
        admin.post("/cache/clear").handler(ok);

        Router api = Router.router(vertx);
        api.route().handler(RoutingContext::next);
        api.get("/users").handler(ok);
        api.get("/users/:id").handler(ok);
        api.delete("/users/:id").handler(ok);
        api.route("/admin/*").subRouter(admin);
        root.route("/api/v1/*").subRouter(api);

        Router tenant = Router.router(vertx);
        tenant.get("/settings").handler(ok);
        tenant.patch("/settings/:key").handler(ok);
        root.route("/tenants/:tenant/*").subRouter(tenant);

        // library routes: both routers are built by vertx-web's SockJS implementation (plain and regex routes)
        SockJSBridgeOptions bridge = new SockJSBridgeOptions()
                .addInboundPermitted(new PermittedOptions().setAddress("echo"))
                .addOutboundPermitted(new PermittedOptions().setAddress("echo"));
        root.route("/eventbus/*").subRouter(SockJSHandler.create(vertx).bridge(bridge));
        root.route("/echo/*").subRouter(SockJSHandler.create(vertx).socketHandler(socket -> socket.handler(socket::write)));

        root.get("/debug/routes").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end(walk(root, "", new JsonArray()).encodePrettily()));

        vertx.createHttpServer().requestHandler(root).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("vertx-web app listening on " + port);
    }

    /** Every route of {@code router} and, through its mounts, of its sub-routers, by Vert.x's public API. */
    static JsonArray walk(Router router, String prefix, JsonArray out) {
        for (Route route : router.getRoutes()) {
            if (route.getSubRouter() != null) {
                walk(route.getSubRouter(), join(prefix, route.getPath() == null ? "" : route.getPath()), out);
                continue;
            }
            String path;
            if (route.getPath() != null) {
                path = route.getPath() + (route.isExactPath() ? "" : "*");
            } else if (route.isRegexPath()) {
                path = route.getName(); // the regex, as long as the route was not given a name
            } else {
                path = "/*";
            }
            path = join(prefix, path);
            if (route.methods() == null || route.methods().isEmpty()) {
                out.add(new JsonObject().put("method", "*").put("path", path));
            } else {
                for (HttpMethod method : route.methods()) {
                    out.add(new JsonObject().put("method", method.name()).put("path", path));
                }
            }
        }
        return out;
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return prefix.endsWith("/") && path.startsWith("/") ? prefix + path.substring(1) : prefix + path;
    }
}
