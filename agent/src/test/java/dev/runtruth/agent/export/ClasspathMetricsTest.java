package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.agent.classpath.ClasspathEntryAccess;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClasspathMetricsTest {

    private final Supplier<List<ClasspathEntry>> entries = () -> Arrays.asList(
            ClasspathEntryAccess.entry("jackson-databind", "2.18.1", "ab12", "BOOT-INF/lib/jackson-databind.jar"),
            ClasspathEntryAccess.entry("spring-core", "6.2.0", "cd34", "BOOT-INF/lib/spring-core.jar"));

    @Test
    void oneSeriesPerJarByDefault() throws IOException {
        String text = scrape(new ClasspathMetrics(entries));
        assertThat(text).contains("runtruth_classpath_entry_info{").contains("name=\"spring-core\"")
                .contains("runtruth_classpath_entries 2");
    }

    @Test
    void classpathOffKeepsOnlyTheCount() throws IOException {
        String text = scrape(new ClasspathMetrics(entries, false));
        assertThat(text).doesNotContain("runtruth_classpath_entry_info").contains("runtruth_classpath_entries 2");
    }

    private static String scrape(ClasspathMetrics metrics) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        metrics.register(registry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8.name());
    }
}
