package dev.runtruth.agenttests.helidonse;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Helidon SE 4 service (Helidon's own WebServer and HTTP routing, no JAX-RS) with routes at the root, in a service
 * registered under a path, and in a service registered inside another service's path (nested {@code register}).
 * Every route is declared through {@link RecordingRules}, which hands it to Helidon unchanged and notes the method and
 * the full path the app declared; {@code GET /declared-routes} serves that list, one {@code METHOD PATH} a line (the
 * truth of the agent-tests ITs). Usage: {@code HelidonSeApp <port>}.
 */
public final class HelidonSeApp {

    private HelidonSeApp() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        List<String> declared = Collections.synchronizedList(new ArrayList<>());
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routes(new RecordingRules(routing, "", declared), declared))
                .build()
                .start();
        System.out.println("helidon-se listening on " + server.port());
    }

    private static void routes(HttpRules rules, List<String> declared) {
        rules.get("/greet", (req, res) -> res.send("Hello World!"))
                .get("/greet/{name}", (req, res) -> res.send("Hello "
                        + req.path().pathParameters().get("name") + "!"))
                .put("/greet/greeting", (req, res) -> res.status(Status.NO_CONTENT_204).send())
                .register("/shop", new ShopService())
                .register("/api/v1", api -> api.register("/users", new UserService()))
                .get("/declared-routes", (req, res) -> res.send(String.join("\n", declared) + "\n"));
    }

    /** A service registered under {@code /shop}: its {@code /} is {@code /shop} itself. */
    static final class ShopService implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/", (req, res) -> res.send("shop"))
                    .get("/items/{id}", (req, res) -> res.send("item " + req.path().pathParameters().get("id")))
                    .post("/items", (req, res) -> res.status(Status.CREATED_201).send())
                    .delete("/items/{id}", (req, res) -> res.status(Status.NO_CONTENT_204).send())
                    .any("/help", (req, res) -> res.send("any method"));
        }
    }

    /** A service registered under {@code /users} inside a service registered under {@code /api/v1}. */
    static final class UserService implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/{id}", (req, res) -> res.send("user " + req.path().pathParameters().get("id")))
                    .patch("/{id}", (req, res) -> res.status(Status.NO_CONTENT_204).send())
                    .get("/{id}/orders/{orderId}", (req, res) -> res.send("order"));
        }
    }
}
