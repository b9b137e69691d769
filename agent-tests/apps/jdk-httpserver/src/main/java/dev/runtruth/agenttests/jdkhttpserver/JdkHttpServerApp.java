package dev.runtruth.agenttests.jdkhttpserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code GET /hello} and {@code GET /health} with the JDK's {@code com.sun.net.httpserver} on every interface,
 * port {@code --port=N}: an HTTP service no framework capture of the agent knows.
 */
public final class JdkHttpServerApp {

    private JdkHttpServerApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/hello", exchange -> answer(exchange, "hello"));
        server.createContext("/health", exchange -> answer(exchange, "UP"));
        server.start();
        System.out.println("READY");
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
