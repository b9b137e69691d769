import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JVM holding GIGABYTES of application objects where a walk of the object graph would meet them first: in a static
 * field (chunks of linked nodes, as a long-lived cache), in a ConcurrentHashMap a thread's Runnable holds, and behind
 * the HTTP server's handler. Serves {@code GET /} (200 "ok"), {@code GET /heap} (bytes used after a System.gc()) and
 * {@code GET /hiccup} (the longest stall, in microseconds, a thread sleeping 1 ms in a loop saw since the last call:
 * what the application would feel of a pause), on 127.0.0.1:PORT.
 *
 * <p>Usage: {@code java -Xmx5g HeapApp PORT GIGABYTES}
 */
public final class HeapApp {

    /** One cached entry: a payload and the next entry of its chain. */
    static final class Node {
        final byte[] payload = new byte[64];
        Node next;
    }

    static Object[] chunks;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        double gigabytes = Double.parseDouble(args[1]);
        long nodes = (long) (gigabytes * (1L << 30) / 112); // ~112 bytes per node with its payload (compressed oops)
        int perChunk = 100_000;
        chunks = new Object[(int) ((nodes + perChunk - 1) / perChunk)];
        final ConcurrentHashMap<Integer, Node> cache = new ConcurrentHashMap<>();
        for (int c = 0; c < chunks.length; c++) {
            Node head = null;
            for (int i = 0; i < perChunk; i++) {
                Node n = new Node();
                n.next = head;
                head = n;
            }
            chunks[c] = head;
            cache.put(c, head);
        }
        final AtomicLong worstMicros = new AtomicLong();
        Thread hiccup = new Thread(new Runnable() {
            final ConcurrentHashMap<Integer, Node> held = cache; // reachable from the thread too

            @Override
            public void run() {
                long last = System.nanoTime();
                while (true) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    long stall = (now - last) / 1000 - 1000;
                    worstMicros.accumulateAndGet(stall, Math::max);
                    last = now;
                }
            }
        }, "hiccup");
        hiccup.setDaemon(true);
        hiccup.start();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/heap")) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                body = Long.toString(rt.totalMemory() - rt.freeMemory());
            } else if (path.equals("/hiccup")) {
                body = Long.toString(worstMicros.getAndSet(0));
            } else {
                body = "ok " + cache.size();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        System.out.println("serving on " + port + " with " + chunks.length * (long) perChunk + " nodes");
    }
}
