import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A Javalin 6 service holding GIGABYTES of application objects (small nodes with a 64-byte payload, ~112 bytes each)
 * in the places a walk of the object graph meets first, in four equal shares:
 * <ol>
 *   <li>a static field of an application class (chains of nodes, as a long-lived cache);</li>
 *   <li>a {@code ConcurrentHashMap} held by a worker thread's {@code Runnable} (an application class);</li>
 *   <li>a {@code HashMap} in a {@code ThreadLocal} of that worker thread (JDK classes all the way from the thread);</li>
 *   <li>an LRU cache (a synchronized {@code LinkedHashMap} in access order, one node per entry) the application keeps
 *       in Javalin's app data ({@code config.appData}): a framework-held collection whose entries are linked to each
 *       other, so a walk that enters it can follow them all.</li>
 * </ol>
 * With a third argument {@code static}, share 4 is kept in a static field of the application instead (the walk does not
 * meet it), for comparison. Serves a few endpoints, and the framework's own route listing at {@code GET /routes} (Javalin's bundled
 * {@code RouteOverviewPlugin}, JSON with {@code Accept: application/json}) as the truth the agent's routes are
 * checked against. The heap is filled before the server starts, so once {@code GET /ready} answers 200 it is full.
 *
 * <p>Usage: {@code java -Xmx4g -cp javalin6.jar:heap HeapApp PORT GIGABYTES [appdata|static]}
 */
public final class HeapApp {

    /** One cached entry: a payload and the next entry of its chain. */
    static final class Node {
        final byte[] payload = new byte[64];
        Node next;
    }

    /** Share 1: reachable only from this static field of an application class. */
    static Object[] chunks;

    /** Share 4 when it is not in Javalin's app data. */
    static Map<Long, Node> staticLru;

    static final Key<Map<Long, Node>> LRU = new Key<>("heapapp.lru");

    private HeapApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        double gigabytes = Double.parseDouble(args[1]);
        boolean appData = args.length < 3 || !args[2].equals("static");
        long share = (long) (gigabytes * (1L << 30) / 112 / 4);
        int perChunk = 100_000;
        int chunkCount = (int) Math.max(1, share / perChunk);
        chunks = new Object[chunkCount];
        ConcurrentHashMap<Integer, Node> held = new ConcurrentHashMap<>();
        for (int c = 0; c < chunkCount; c++) {
            chunks[c] = chain(perChunk);
            held.put(c, chain(perChunk)); // share 2
        }
        CountDownLatch filled = new CountDownLatch(1);
        ThreadLocal<Map<Long, Node>> local = new ThreadLocal<>();
        Thread worker = new Thread(new Runnable() {
            final ConcurrentHashMap<Integer, Node> cache = held;

            @Override
            public void run() {
                Map<Long, Node> mine = new HashMap<>();
                for (long i = 0; i < share; i++) {
                    mine.put(i, new Node()); // share 3
                }
                local.set(mine);
                filled.countDown();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "heapapp-worker");
        worker.setDaemon(true);
        worker.start();
        // a JDK class, not an anonymous subclass overriding removeEldestEntry (an application class the walk would not
        // enter): the walk meets every entry through the entries' before/after links
        Map<Long, Node> lru = Collections.synchronizedMap(new LinkedHashMap<Long, Node>(16, 0.75f, true));
        for (long i = 0; i < share; i++) {
            lru.put(i, new Node()); // share 4
        }
        filled.await();
        if (!appData) {
            staticLru = lru;
        }
        Handler ok = ctx -> ctx.result("ok");
        Javalin app = Javalin.create(config -> {
            config.appData(LRU, appData ? lru : new HashMap<>());
            config.bundledPlugins.enableRouteOverview("/routes");
        });
        app.get("/ready", ctx -> ctx.result("ok " + held.size() + " " + lru.size()));
        app.get("/items/{id}", ok);
        app.put("/items/{id}", ok);
        app.delete("/items/{id}", ok);
        app.post("/items", ok);
        app.get("/users/{userId}/orders/{orderId}", ok);
        app.start("127.0.0.1", port);
    }

    private static Node chain(int length) {
        Node head = null;
        for (int i = 0; i < length; i++) {
            Node n = new Node();
            n.next = head;
            head = n;
        }
        return head;
    }
}
