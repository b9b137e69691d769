package dev.runtruth.collector.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body read with two bounds: at most {@code maxBytes} bytes ({@link TooLargeException} beyond), and
 * no read that waits longer than {@code idle} for data ({@link StalledException}; a watchdog closes
 * the underlying stream, which also releases a read blocked on it; time the reader spends between reads does not
 * count). Keeps the first {@value #HEAD} bytes for error
 * messages. For one reading thread.
 */
final class AnswerStream extends FilterInputStream {

    /** The body went past the size limit. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /** The sender paused for longer than the idle timeout. */
    static final class StalledException extends IOException {

        private static final long serialVersionUID = 1L;

        StalledException(String message) {
            super(message);
        }
    }

    static final int HEAD = 200;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "runtruth-answer-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long maxBytes;
    private final long idleNanos;
    private final byte[] head = new byte[HEAD];
    private volatile ScheduledFuture<?> watchdog;
    private long bytes;
    private volatile long waitingSince; // System.nanoTime() when the current read began; 0 outside of reads
    private volatile boolean stalled;

    /**
     * @param in       the body
     * @param maxBytes the most bytes to read
     * @param idle     the longest one read may wait for data
     */
    AnswerStream(InputStream in, long maxBytes, Duration idle) {
        super(in);
        this.maxBytes = maxBytes;
        this.idleNanos = idle.toNanos();
        long period = Math.max(10, idle.toMillis() / 4);
        this.watchdog = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        waitingSince = System.nanoTime() | 1; // never 0
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            throw stalled ? stalledException() : e;
        } finally {
            waitingSince = 0;
        }
        if (stalled) {
            throw stalledException(); // the watchdog closed the stream: what it returned is not the body's end
        }
        if (n > 0) {
            if (bytes < HEAD) {
                System.arraycopy(b, off, head, (int) bytes, (int) Math.min(n, HEAD - bytes));
            }
            bytes += n;
            if (bytes > maxBytes) {
                throw new TooLargeException("the answer is larger than " + maxBytes + " bytes (the limit)");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public void close() throws IOException {
        ScheduledFuture<?> self = watchdog;
        if (self != null) {
            self.cancel(false);
        }
        super.close();
    }

    /** @return how many bytes were read */
    long bytes() {
        return bytes;
    }

    /** @return the first bytes read (up to {@value #HEAD}) as UTF-8 on one line */
    String head() {
        String text = new String(Arrays.copyOf(head, (int) Math.min(bytes, HEAD)), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").trim() + (bytes > HEAD ? "..." : "");
    }

    private StalledException stalledException() {
        return new StalledException("no data for " + Duration.ofNanos(idleNanos).toMillis() + " ms after " + bytes
                + " bytes");
    }

    private void check() {
        long since = waitingSince;
        if (since != 0 && System.nanoTime() - since > idleNanos) {
            stalled = true;
            ScheduledFuture<?> self = watchdog;
            if (self != null) {
                self.cancel(false);
            }
            try {
                in.close();
            } catch (IOException e) {
                // closing is all that is wanted; the reader reports the stall
            }
        }
    }
}
