package dev.runtruth.agenttests.helidonse;

import io.helidon.webserver.WebServer;

/**
 * A Helidon SE 4 service (Helidon's own WebServer and HTTP routing, no JAX-RS): {@code GET /greet},
 * {@code GET /greet/{name}}, {@code PUT /greet/greeting}. Usage: {@code HelidonSeApp <port>}.
 */
public final class HelidonSeApp {

    private HelidonSeApp() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing
                        .get("/greet", (req, res) -> res.send("Hello World!"))
                        .get("/greet/{name}", (req, res) -> res.send("Hello "
                                + req.path().pathParameters().get("name") + "!"))
                        .put("/greet/greeting", (req, res) -> res.status(204).send()))
                .build()
                .start();
        System.out.println("helidon-se listening on " + server.port());
    }
}
