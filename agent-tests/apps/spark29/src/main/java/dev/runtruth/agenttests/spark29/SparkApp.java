package dev.runtruth.agenttests.spark29;

import static spark.Spark.get;
import static spark.Spark.port;
import static spark.Spark.post;

/**
 * A Spark Java 2.9 service: Spark serves on its embedded Jetty through its own handler, which no capture of the agent
 * reads. Spark's landmark ({@code spark.Service}) is loaded as soon as a route is declared.
 */
public final class SparkApp {

    private SparkApp() {
    }

    /** @param args the HTTP port */
    public static void main(String[] args) {
        port(Integer.parseInt(args[0]));
        get("/hello", (request, response) -> "hello");
        get("/items/:id", (request, response) -> "item " + request.params(":id"));
        post("/items", (request, response) -> {
            response.status(201);
            return "created";
        });
    }
}
