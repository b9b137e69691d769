import java.lang.instrument.Instrumentation;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's stall meter, loaded beside the application with {@code -javaagent:stall-meter.jar=SOCKET}: a daemon
 * thread sleeps 1 ms in a loop and records by how much each sleep overran (what any application thread would feel of
 * a JVM pause, or of a lack of CPU). It answers one request line per connection ({@code GET /hiccup}) with one number
 * on the Unix domain socket SOCKET (JDK 16+): no TCP listener the Runtruth agent would report as unknown, and no HTTP
 * server a capture would read:
 * <ul>
 *   <li>{@code /hiccup}: the longest overrun since the previous {@code /hiccup}, microseconds;</li>
 *   <li>{@code /window?from=EPOCH_MS&to=EPOCH_MS}: the longest overrun that ended within that wall-clock window,
 *       microseconds, kept in 10 ms slots for the last {@value #SLOTS} slots (about 11 minutes); {@code -1} when the
 *       window is older than that;</li>
 *   <li>{@code /heap}: bytes of heap in use after a {@code System.gc()}.</li>
 * </ul>
 */
public final class StallMeter {

    /** 10 ms slots kept: 65,536, about 11 minutes. */
    static final int SLOTS = 1 << 16;

    private static final long[] slotIds = new long[SLOTS];
    private static final long[] slotMax = new long[SLOTS];
    private static long sinceRead;

    private StallMeter() {
    }

    /**
     * @param args the path of the Unix domain socket to answer on (replaced if it exists)
     * @param inst unused
     */
    public static void premain(String args, Instrumentation inst) {
        final Path socket = Path.of(args.trim());
        Thread meter = new Thread(StallMeter::measure, "stall-meter");
        meter.setDaemon(true);
        meter.start();
        Thread server = new Thread(() -> serve(socket), "stall-meter-http");
        server.setDaemon(true);
        server.start();
    }

    private static void measure() {
        long last = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long overrun = Math.max(0, (now - last) / 1000 - 1000);
            record(System.currentTimeMillis(), overrun);
            last = now;
        }
    }

    private static synchronized void record(long epochMillis, long micros) {
        long id = epochMillis / 10;
        int i = (int) (id % SLOTS);
        if (slotIds[i] != id) {
            slotIds[i] = id;
            slotMax[i] = 0;
        }
        slotMax[i] = Math.max(slotMax[i], micros);
        sinceRead = Math.max(sinceRead, micros);
    }

    private static synchronized long hiccup() {
        long worst = sinceRead;
        sinceRead = 0;
        return worst;
    }

    private static synchronized long window(long fromMillis, long toMillis) {
        long first = fromMillis / 10;
        long end = toMillis / 10;
        long now = System.currentTimeMillis() / 10;
        if (now - first >= SLOTS) {
            return -1;
        }
        long worst = 0;
        for (long id = first; id <= end; id++) {
            int i = (int) (id % SLOTS);
            if (slotIds[i] == id) {
                worst = Math.max(worst, slotMax[i]);
            }
        }
        return worst;
    }

    private static void serve(Path path) {
        try {
            Files.deleteIfExists(path);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            ByteBuffer in = ByteBuffer.allocate(512);
            while (true) {
                try (SocketChannel client = server.accept()) {
                    in.clear();
                    while (in.hasRemaining() && client.read(in) > 0 && in.get(in.position() - 1) != '\n') {
                        // up to the end of the request line
                    }
                    String line = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII).trim();
                    client.write(ByteBuffer.wrap((answer(line) + "\n").getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception e) {
                    // one bad request: answer the next
                }
            }
        } catch (Exception e) {
            System.err.println("stall-meter: no socket at " + path + ": " + e);
        }
    }

    /** @param requestLine e.g. {@code GET /window?from=1&to=2 HTTP/1.1} */
    private static String answer(String requestLine) {
        String[] parts = requestLine.split(" ");
        String target = parts.length > 1 ? parts[1] : "/";
        if (target.equals("/heap")) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            return Long.toString(rt.totalMemory() - rt.freeMemory());
        }
        if (target.startsWith("/window?")) {
            long from = 0;
            long to = 0;
            for (String pair : target.substring("/window?".length()).split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("from")) {
                    from = Long.parseLong(kv[1]);
                } else if (kv[0].equals("to")) {
                    to = Long.parseLong(kv[1]);
                }
            }
            return Long.toString(window(from, to));
        }
        return Long.toString(hiccup());
    }
}
