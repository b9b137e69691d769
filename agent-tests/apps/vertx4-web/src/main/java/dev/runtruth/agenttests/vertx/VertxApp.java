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
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Vert.x Web app for the agent's integration tests (the same source builds against vertx-web 4.5.9, 4.5.x and 5.x): own
 * routes of every kind (exact, {@code :param}, prefix {@code /*}, regex, without path, several methods), nested
 * sub-routers (one mounted on a {@code :param} path), and two routers built by vertx-web's SockJS implementation.
 *
 * <p>{@code GET /debug/routes} is the truth the tests compare the agent with: it walks {@code Router#getRoutes()}
 * from the root router through every {@code Route#getSubRouter()}, using Vert.x's public API only, and answers
 * {@code [{"method": "GET", "path": "/api/v1/users/:id", "match": "exact"}, ...]} with the path as Vert.x writes it
 * ({@code /static/*} for a prefix route, {@code /*} for a route without path) and {@code match} one of {@code exact},
 * {@code prefix} ({@code !Route#isExactPath()}) and {@code regex}. vertx-web before 4.5.26 has no
 * {@code Route#getSubRouter()}: there the walk follows the mounts this app recorded when it made them.
 *
 * <p>{@code POST /debug/register-late} registers routes while the app serves, once: {@code GET /late/direct} on the
 * root router, and a sub-router created then, with {@code GET /items/:id}, mounted at {@code /late/*}.
 *
 * <p>Usage: {@code java -jar vertx-web.jar <port> [no-sockjs]}; with {@code no-sockjs} the SockJS routers are left out:
 * then no Vert.x timer is scheduled (SockJS keeps one), a plainer app for the agent's discovery.
 */
public final class VertxApp {

    // route -> the router this app mounted on it (for vertx-web without Route#getSubRouter()); written on the event
    // loop too (POST /debug/register-late)
    private static final Map<Route, Router> MOUNTS = Collections.synchronizedMap(new IdentityHashMap<>());

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
        mount(api, "/admin/*", admin);
        mount(root, "/api/v1/*", api);

        Router tenant = Router.router(vertx);
        tenant.get("/settings").handler(ok);
        tenant.patch("/settings/:key").handler(ok);
        mount(root, "/tenants/:tenant/*", tenant);

        if (!(args.length > 1 && args[1].equals("no-sockjs"))) {
            // library routes: both routers are built by vertx-web's SockJS implementation (plain and regex routes)
            SockJSBridgeOptions bridge = new SockJSBridgeOptions()
                    .addInboundPermitted(new PermittedOptions().setAddress("echo"))
                    .addOutboundPermitted(new PermittedOptions().setAddress("echo"));
            mount(root, "/eventbus/*", SockJSHandler.create(vertx).bridge(bridge));
            mount(root, "/echo/*", SockJSHandler.create(vertx).socketHandler(socket -> socket.handler(socket::write)));
        }

        AtomicBoolean late = new AtomicBoolean();
        root.post("/debug/register-late").handler(ctx -> {
            if (late.compareAndSet(false, true)) {
                root.get("/late/direct").handler(ok);
                Router lateRouter = Router.router(vertx);
                lateRouter.get("/items/:id").handler(ok);
                mount(root, "/late/*", lateRouter);
            }
            ctx.response().end("registered");
        });
        root.get("/debug/routes").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end(walk(root, "", new JsonArray()).encodePrettily()));

        vertx.createHttpServer().requestHandler(root).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("vertx-web app listening on " + port);
    }

    private static void mount(Router parent, String path, Router sub) {
        Route route = parent.route(path);
        route.subRouter(sub);
        MOUNTS.put(route, sub);
    }

    /** Every route of {@code router} and, through its mounts, of its sub-routers, by Vert.x's public API. */
    static JsonArray walk(Router router, String prefix, JsonArray out) {
        for (Route route : router.getRoutes()) {
            Router sub = subRouter(route);
            if (sub != null) {
                walk(sub, join(prefix, route.getPath() == null ? "" : route.getPath()), out);
                continue;
            }
            String path;
            String match;
            if (route.getPath() != null) {
                path = route.getPath() + (route.isExactPath() ? "" : "*");
                match = route.isExactPath() ? "exact" : "prefix";
            } else if (route.isRegexPath()) {
                path = route.getName(); // the regex, as long as the route was not given a name
                match = "regex";
            } else {
                path = "/*"; // Vert.x: a route without path matches every path, like route("/*")
                match = "prefix";
            }
            path = join(prefix, path);
            if (route.methods() == null || route.methods().isEmpty()) {
                out.add(new JsonObject().put("method", "*").put("path", path).put("match", match));
            } else {
                for (HttpMethod method : route.methods()) {
                    out.add(new JsonObject().put("method", method.name()).put("path", path).put("match", match));
                }
            }
        }
        return out;
    }

    /** Route#getSubRouter() (vertx-web 5.0, 4.5.26+; called reflectively so that this compiles on 4.5.9). */
    private static Router subRouter(Route route) {
        Method getter;
        try {
            getter = Route.class.getMethod("getSubRouter");
        } catch (NoSuchMethodException e) {
            return MOUNTS.get(route);
        }
        try {
            return (Router) getter.invoke(route);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return prefix.endsWith("/") && path.startsWith("/") ? prefix + path.substring(1) : prefix + path;
    }
}
