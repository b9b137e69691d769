package dev.runtruth.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassLoadActivityTest {

    /** Loads {@link Fresh} anew: a loader of its own (no parent to delegate to) defines a new class each time. */
    private static void loadFresh() throws Exception {
        URL classes = ClassLoadActivityTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, null)) {
            Class.forName(Fresh.class.getName(), true, isolated);
        }
    }

    @Test
    void countsTheClassesTheJvmLoads() throws Exception {
        long before = ClassLoadActivity.totalLoaded();
        loadFresh();
        assertThat(ClassLoadActivity.totalLoaded()).isGreaterThan(before);
    }

    @Test
    void returnsOnceNoClassLoadedForTheQuietPeriod() throws Exception {
        long waited = ClassLoadActivity.awaitQuiet(100, 10_000);
        assertThat(waited).isBetween(90L, 5_000L);
    }

    @Test
    void givesUpAtTheLatestAfterTheMaximumWhileClassesKeepLoading() throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread loader = new Thread(() -> {
            while (loading.get()) {
                try {
                    loadFresh();
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        loader.start();
        try {
            long waited = ClassLoadActivity.awaitQuiet(1_000, 300);
            assertThat(waited).isBetween(290L, 900L);
        } finally {
            loading.set(false);
            loader.join();
        }
    }

    /** A class nothing else loads. */
    static final class Fresh {
    }
}
