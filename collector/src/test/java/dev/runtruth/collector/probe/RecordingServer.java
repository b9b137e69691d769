package dev.runtruth.collector.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback port (the JDK's {@code com.sun.net.httpserver}) that records every request it
 * receives, as the server saw it, and answers what its {@link Answer} says.
 */
final class RecordingServer implements AutoCloseable {

    /** One received request: method, path, the Authorization header, when it started (nanoTime). */
    record Request(String method, String path, String authorization, long startedNanos) {
    }

    /** How to answer: status and headers per request; may sleep. */
    interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Exchanges being answered, and by which server: in flight from arrival until the answer is sent. */
    private static final Map<HttpExchange, RecordingServer> ANSWERING = new ConcurrentHashMap<>();

    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    RecordingServer(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            ANSWERING.put(exchange, this);
            try {
                answer.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                answered(exchange);
                exchange.close();
            }
        });
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    URI base() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Sends a status without a body. */
    static void status(HttpExchange exchange, int status) throws IOException {
        // no longer in flight once the answer leaves: the client may send its next request before this handler returns
        answered(exchange);
        exchange.sendResponseHeaders(status, -1);
    }

    /** Ends the exchange's time in flight, once. */
    private static void answered(HttpExchange exchange) {
        RecordingServer server = ANSWERING.remove(exchange);
        if (server != null) {
            server.inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
