package dev.runtruth.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassLoadActivityTest {

    @Test
    void returnsOnceNoClassLoadedForTheQuietPeriod() throws Exception {
        ClassLoadActivity.loaded();
        long waited = ClassLoadActivity.awaitQuiet(100, 10_000);
        assertThat(waited).isBetween(90L, 5_000L);
        assertThat(ClassLoadActivity.awaitQuiet(100, 10_000)).as("already quiet").isLessThan(50L);
    }

    @Test
    void givesUpAtTheLatestAfterTheMaximumWhileClassesKeepLoading() throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread loader = new Thread(() -> {
            while (loading.get()) {
                ClassLoadActivity.loaded();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
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

    @Test
    void theTransformerRecordsEveryClassLoadItIsShown() {
        LazyTransformer transformer = new LazyTransformer(java.util.Collections::emptyList, new String[0],
                "org/example/");
        long before = System.nanoTime();
        transformer.transform(new URLClassLoader(new URL[0]), "com/acme/NotAFramework", null, null, new byte[0]);
        assertThat(ClassLoadActivity.lastLoadNanos()).isGreaterThanOrEqualTo(before);
    }
}
