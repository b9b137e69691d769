package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.classpath.ClasspathEntryAccess;
import dev.runtruth.agent.readiness.StartupState;
import dev.runtruth.model.Route;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example block of docs/metrics.md ("## Example") against what the agent's metric classes write in the
 * Prometheus text format: every {@code # TYPE} line occurs as written, and every sample's metric name and label names
 * occur in a written sample.
 */
class MetricsDocExamplesTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)\\} (\\S+)$");

    @Test
    void theExampleIsWhatTheAgentWrites() throws Exception {
        String doc = new String(Files.readAllBytes(new File("../docs/metrics.md").toPath()), "UTF-8");
        int start = doc.indexOf("```\n", doc.indexOf("## Example")) + 4;
        List<String> example = Arrays.asList(doc.substring(start, doc.indexOf("```", start)).split("\n"));

        PrometheusRegistry registry = new PrometheusRegistry();
        new RouteMetrics(() -> Collections.singletonList(Route.of("GET", "/api/v1/customers/{customerId}",
                "spring-webmvc", "a.CustomerController#get"))).register(registry);
        new ClasspathMetrics(() -> Collections.singletonList(ClasspathEntryAccess.entry("tomcat-embed-core", "Apache Tomcat", "11.0.18",
                "9f2c", "/opt/app.jar!/BOOT-INF/lib/tomcat-embed-core-11.0.18.jar"))).register(registry);
        new InventoryMetrics(StartupState::read).register(registry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        List<String> written = Arrays.asList(out.toString("UTF-8").split("\n"));

        List<String> problems = new ArrayList<>();
        for (String line : example) {
            if (line.startsWith("# TYPE")) {
                if (!written.contains(line)) {
                    problems.add("not written: " + line);
                }
                continue;
            }
            Matcher documented = SAMPLE.matcher(line);
            assertThat(documented.matches()).as("a sample line: %s", line).isTrue();
            boolean found = false;
            for (String w : written) {
                Matcher real = SAMPLE.matcher(w);
                found |= real.matches() && real.group(1).equals(documented.group(1))
                        && labelNames(real.group(2)).equals(labelNames(documented.group(2)))
                        && real.group(3).equals(documented.group(3));
            }
            if (!found) {
                problems.add("no written sample of this shape: " + line + "\nwritten:\n" + String.join("\n", written));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(example).as("the example shows samples").anyMatch(l -> SAMPLE.matcher(l).matches());
    }

    private static TreeSet<String> labelNames(String labels) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("([a-z_]+)=\"(?:[^\"\\\\]|\\\\.)*\"").matcher(labels);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
