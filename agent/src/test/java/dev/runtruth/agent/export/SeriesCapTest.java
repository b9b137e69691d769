package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCapTest {

    @Test
    void routesBeyondTheCapAreLeftOutAndCountedAtEveryScrape() throws IOException {
        final List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            routes.add(Route.of("GET", "/r" + i, "spring-webmvc", "a.C#m" + i));
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        SeriesCap cap = new SeriesCap().cap("runtruth_route_info", 3).cap("runtruth_classpath_entry_info", 2000);
        cap.register(registry, new RouteMetrics(() -> routes, cap));

        String first = scrape(registry);
        assertThat(first.split("\n")).filteredOn(l -> l.startsWith("runtruth_route_info{")).hasSize(3);
        assertThat(first).contains("runtruth_routes{framework=\"spring-webmvc\"} 5.0")
                .contains("runtruth_series_dropped_total{family=\"runtruth_route_info\"} 2.0")
                .contains("runtruth_series_dropped_total{family=\"runtruth_classpath_entry_info\"} 0.0");
        assertThat(scrape(registry)).contains("runtruth_series_dropped_total{family=\"runtruth_route_info\"} 4.0");
    }

    @Test
    void withinTheCapNothingIsCopiedOrCounted() {
        SeriesCap cap = new SeriesCap().cap("f", 2);
        List<String> two = new ArrayList<>();
        two.add("a");
        two.add("b");
        assertThat(cap.limit("f", two)).isSameAs(two);
        assertThat(cap.limit("unknown", two)).isSameAs(two);
        assertThat(cap.collect().get(0).getDataPoints().get(0).getLabels().get("family")).isEqualTo("f");
    }

    private static String scrape(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8.name());
    }
}
