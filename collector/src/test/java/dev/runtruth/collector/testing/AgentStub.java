package dev.runtruth.collector.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the agent's metrics endpoint: a real {@code com.sun.net.httpserver} server on the loopback address,
 * answering {@code /metrics} with a fixed status, content type and body, and remembering the last {@code Accept}
 * header. Close it after the test.
 */
public final class AgentStub implements AutoCloseable {

    /** Content type of the Prometheus text format 0.0.4, as client_java sends it. */
    public static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Content type of OpenMetrics 1.0 text, as client_java sends it. */
    public static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final HttpServer server;
    private volatile String lastAccept;

    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    private AgentStub(int status, String contentType, String body) throws IOException {
        this(status, contentType, java.util.List.of(body));
    }

    private AgentStub(int status, String contentType, java.util.List<String> bodies) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            lastAccept = exchange.getRequestHeaders().getFirst("Accept");
            String body = bodies.get(Math.min(requests.getAndIncrement(), bodies.size() - 1));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Serves {@code body} with status 200. */
    public static AgentStub serving(String contentType, String body) throws IOException {
        return new AgentStub(200, contentType, body);
    }

    /**
     * Serves the bodies in turn with status 200, one per request, then the last one again and again: an agent whose
     * answer changes, e.g. while its application starts.
     */
    public static AgentStub servingInTurn(String contentType, java.util.List<String> bodies) throws IOException {
        return new AgentStub(200, contentType, bodies);
    }

    /** @return how many requests were answered */
    public int requests() {
        return requests.get();
    }

    /** Serves {@code body} with the given status. */
    public static AgentStub answering(int status, String contentType, String body) throws IOException {
        return new AgentStub(status, contentType, body);
    }

    /** @return {@code http://127.0.0.1:port} (no path: the collector adds {@code /metrics}) */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ':'
                + server.getAddress().getPort());
    }

    /** @return the {@code Accept} header of the last request, {@code null} before any */
    public String lastAccept() {
        return lastAccept;
    }

    /** @return a loopback URL on a port nothing listens on (it was free a moment ago) */
    public static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/metrics");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
