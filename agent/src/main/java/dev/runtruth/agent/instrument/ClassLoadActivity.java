package dev.runtruth.agent.instrument;

import java.util.concurrent.TimeUnit;

/**
 * When the JVM last loaded a class, as seen by the agent's transformer (which the JVM calls for every class load,
 * CDS-archived classes included). The agent waits for a quiet moment before it opens its endpoint, so that its own
 * class loading (client_java, about a hundred classes) does not compete with the application's start on a small
 * machine: a Spring Boot application loads classes without pause until it is ready, a hello-world for 0.1 s.
 */
public final class ClassLoadActivity {

    private static volatile long lastLoadNanos = System.nanoTime();

    private ClassLoadActivity() {
    }

    /** Records a class load now. Called by {@link LazyTransformer} for every class: one volatile write. */
    static void loaded() {
        lastLoadNanos = System.nanoTime();
    }

    /** @return {@link System#nanoTime()} of the last class load seen (or of this class's initialisation) */
    static long lastLoadNanos() {
        return lastLoadNanos;
    }

    /**
     * Blocks until no class has loaded for {@code quietMillis}, or until {@code maxMillis} have passed (an application
     * that never stops loading classes: scripting, generated proxies), whichever comes first.
     *
     * @param quietMillis how long no class may load, milliseconds
     * @param maxMillis   the most this waits, milliseconds
     * @return how long it waited, milliseconds
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static long awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long quiet = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (true) {
            long now = System.nanoTime();
            long quietFor = now - lastLoadNanos;
            if (quietFor >= quiet || now - deadline >= 0) {
                return TimeUnit.NANOSECONDS.toMillis(now - start);
            }
            long sleep = Math.min(quiet - quietFor, deadline - now);
            TimeUnit.NANOSECONDS.sleep(Math.max(sleep, TimeUnit.MILLISECONDS.toNanos(10)));
        }
    }
}
