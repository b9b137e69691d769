package dev.runtruth.agent.instrument;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * How many classes the JVM has loaded, read from its {@link ClassLoadingMXBean} (a counter, CDS-archived classes
 * included), and the wait for a quiet moment in class loading. The agent opens its endpoint (and walks, with hook-free
 * discovery) once no class has loaded for a while, so that its own work does not compete with the application's start
 * on a small machine: a Spring Boot application loads classes without pause until it is ready, a hello-world for
 * 0.1 s. No class transformer is needed to see class loading: the count is polled on the agent's thread.
 */
public final class ClassLoadActivity {

    /** How often {@link #awaitQuiet} reads the count, milliseconds. */
    static final long POLL_MILLIS = 20;

    private ClassLoadActivity() {
    }

    /** @return classes loaded since the JVM started (unloaded ones included); -1 when the JVM cannot tell */
    public static long totalLoaded() {
        try {
            return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        } catch (Throwable t) {
            return -1;
        }
    }

    /**
     * Blocks until the loaded-class count has not changed for {@code quietMillis} (read every {@value #POLL_MILLIS}
     * ms, the first time after {@code quietMillis}), or until {@code maxMillis} have passed (an application that never stops loading classes: scripting,
     * generated proxies), whichever comes first.
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
        // the first read loads java.management (about a hundred classes): not while a small application starts
        TimeUnit.NANOSECONDS.sleep(Math.min(quiet, TimeUnit.MILLISECONDS.toNanos(maxMillis)));
        long count = totalLoaded();
        long changed = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (now - changed >= quiet || now - deadline >= 0) {
                return TimeUnit.NANOSECONDS.toMillis(now - start);
            }
            long sleep = Math.min(Math.min(quiet - (now - changed), deadline - now),
                    TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            TimeUnit.NANOSECONDS.sleep(Math.max(sleep, TimeUnit.MILLISECONDS.toNanos(1)));
            long next = totalLoaded();
            if (next != count) {
                count = next;
                changed = System.nanoTime();
            }
        }
    }
}
