package dev.runtruth.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassLoadActivityTest {

    @Test
    void countsTheClassesTheJvmLoads() throws Exception {
        long before = ClassLoadActivity.totalLoaded();
        Class.forName(Fresh.class.getName());
        assertThat(ClassLoadActivity.totalLoaded()).isGreaterThan(before);
    }

    @Test
    void returnsOnceNoClassLoadedForTheQuietPeriod() throws Exception {
        long waited = ClassLoadActivity.awaitQuiet(100, 10_000);
        assertThat(waited).isBetween(90L, 5_000L);
    }

    @Test
    void givesUpAtTheLatestAfterTheMaximumWhileClassesKeepLoading(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        // a fresh loader per round loads the class anew: the JVM's count grows every few milliseconds
        Path classes = dir.resolve("classes");
        Path file = classes.resolve(Fresh.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        try (java.io.InputStream in = ClassLoadActivityTest.class.getResourceAsStream("/" + Fresh.class.getName().replace('.', '/')
                + ".class")) {
            Files.copy(in, file);
        }
        URL url = classes.toUri().toURL();
        Thread loader = new Thread(() -> {
            while (loading.get()) {
                try (URLClassLoader isolated = new URLClassLoader(new URL[] {url}, null)) {
                    Class.forName(Fresh.class.getName(), true, isolated);
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
