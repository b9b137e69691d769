package dev.runtruth.collector.probe;

import java.util.concurrent.TimeUnit;

/** Spaces request starts at least {@code 1 / rate} seconds apart, whichever thread sends them. */
final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    /** @param perSecond requests per second, greater than 0 */
    RateLimiter(double perSecond) {
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    /** Blocks until the caller may start its request. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, next);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
