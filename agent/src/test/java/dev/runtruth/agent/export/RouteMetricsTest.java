package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RouteMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    RouteMetricsTest() {
        new RouteMetrics(() -> Arrays.asList(
                Route.of("get", "/owners/{ownerId:\\d+}", "spring-webmvc", "a.OwnerController#show"),
                Route.of(null, "/webjars/**", "spring-webmvc", "a.ResourceHttpRequestHandler"),
                Route.of("POST", "/tasks/gc", "servlet", "a.TaskServlet").withPort("8081")))
                .register(registry);
    }

    @Test
    void prometheusTextHasOneInfoSeriesPerRouteAndACountPerFramework() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());

        assertThat(out.toString(StandardCharsets.UTF_8.name())).isEqualTo(""
                + "# HELP runtruth_route_info An HTTP route the application's framework registered: method (upper "
                + "case, * = any), route (path template as a client requests it), handler, and port (empty on the "
                + "application's listener, else the separate admin listener's port)\n"
                + "# TYPE runtruth_route_info gauge\n"
                + "runtruth_route_info{framework=\"servlet\",handler=\"a.TaskServlet\",method=\"POST\","
                + "port=\"8081\",route=\"/tasks/gc\"} 1\n"
                + "runtruth_route_info{framework=\"spring-webmvc\",handler=\"a.OwnerController#show\",method=\"GET\","
                + "port=\"\",route=\"/owners/{ownerId}\"} 1\n"
                + "runtruth_route_info{framework=\"spring-webmvc\",handler=\"a.ResourceHttpRequestHandler\","
                + "method=\"*\",port=\"\",route=\"/webjars/**\"} 1\n"
                + "# HELP runtruth_routes Number of HTTP routes registered, per framework\n"
                + "# TYPE runtruth_routes gauge\n"
                + "runtruth_routes{framework=\"servlet\"} 1.0\n"
                + "runtruth_routes{framework=\"spring-webmvc\"} 2.0\n");
    }

    @Test
    void openMetricsTypesTheFamilyAsInfo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenMetricsTextFormatWriter.create().write(out, registry.scrape());

        assertThat(out.toString(StandardCharsets.UTF_8.name()))
                .contains("# TYPE runtruth_route info\n")
                .contains("runtruth_route_info{framework=\"spring-webmvc\",handler=\"a.OwnerController#show\"")
                .endsWith("# EOF\n");
    }
}
