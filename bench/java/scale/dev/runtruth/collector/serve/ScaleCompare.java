package dev.runtruth.collector.serve;

import com.sun.net.httpserver.HttpServer;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.Route;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector at scale: {@code instances} instances x {@code routes} routes read from a Prometheus HTTP API answer
 * by the collector's own {@link PrometheusApiSource} (the {@code serve} command's client; this class sits in its
 * package because the client is package-private), then each instance compared with one {@link DriftComparator} built
 * for the expected side, as {@code ServiceMonitor} does.
 *
 * <p>The answer is generated into a file in the shape Prometheus 2.x returns for an instant query
 * ({@code {"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[ts,"1"]}]}}}, one
 * series per route per instance plus one {@code runtruth_build_info} and one {@code runtruth_agent_info} each; every
 * tenth instance misses its last route, so drift is found) and served from loopback by a
 * {@code com.sun.net.httpserver} in this JVM. Prints {@code fetch_parse_ms=.. fetch_parse_cpu_ms=.. compare_ms=..
 * compare_cpu_ms=.. instances=.. series=.. drifted=.. bytes=..} (wall and process CPU milliseconds; the CPU of the
 * in-JVM server that sends the answer counts in the fetch). Usage: {@code ScaleCompare <instances> <routes> <answer file>}.
 */
public final class ScaleCompare {

    public static void main(String[] args) throws Exception {
        int instances = Integer.parseInt(args[0]);
        int routes = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        if (!Files.isRegularFile(file)) {
            generate(file, instances, routes);
        }
        long size = Files.size(file);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/api/v1/query", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
        List<Route> expected = new ArrayList<>();
        for (int r = 0; r < routes; r++) {
            expected.add(route(r));
        }
        ExpectedRoutes want = new ExpectedRoutes("bench", BuildIdentity.unknown(), expected, List.of());
        try {
            long c0 = cpu();
            long t0 = System.nanoTime();
            List<ObservedRoutes> observed = new PrometheusApiSource(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "{}", Duration.ofMinutes(10))
                    .instances();
            long t1 = System.nanoTime();
            long c1 = cpu();
            int drifted = 0;
            long series = 0;
            DriftComparator comparator = new DriftComparator(want, IgnoreRules.defaults()); // as ServiceMonitor does
            for (ObservedRoutes instance : observed) {
                DriftReport report = comparator.compare(instance);
                drifted += report.hasDrift() ? 1 : 0;
                series += instance.routes().size();
            }
            long t2 = System.nanoTime();
            long c2 = cpu();
            System.out.println("fetch_parse_ms=" + (t1 - t0) / 1_000_000 + " fetch_parse_cpu_ms=" + (c1 - c0) / 1_000_000
                    + " compare_ms=" + (t2 - t1) / 1_000_000 + " compare_cpu_ms=" + (c2 - c1) / 1_000_000
                    + " instances=" + observed.size() + " series=" + series + " drifted=" + drifted
                    + " bytes=" + size);
        } finally {
            server.stop(0);
        }
    }

    /** CPU time of the whole process (all threads, GC included), nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Route route(int r) {
        String method = new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"}[r % 5];
        return Route.of(method, "/api/v" + (r % 3 + 1) + "/resource" + r / 5 + "/{id}" + (r % 5 == 1 ? "/items" : ""),
                "spring-webmvc", "com.example.billing.web.Resource" + r / 5 + "Controller#op" + r % 5);
    }

    private static void generate(Path file, int instances, int routes) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
            boolean first = true;
            for (int i = 0; i < instances; i++) {
                String common = "\"instance\":\"10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)
                        + ":7461\",\"job\":\"billing-api\"";
                String value = "\"value\":[1732170000.123,\"1\"]}";
                w.write((first ? "" : ",") + "{\"metric\":{\"__name__\":\"runtruth_build_info\",\"branch\":\"main\","
                        + "\"build_time\":\"2025-11-20T10:00:00Z\",\"commit\":\"0123456789abcdef0123456789abcdef01234567\","
                        + common + ",\"service\":\"billing-api\",\"version\":\"1.4.2\"}," + value);
                first = false;
                w.write(",{\"metric\":{\"__name__\":\"runtruth_agent_info\"," + common + ",\"version\":\"0.1.0\"},"
                        + value);
                int served = i % 10 == 9 ? routes - 1 : routes;
                for (int r = 0; r < served; r++) {
                    Route route = route(r);
                    w.write(",{\"metric\":{\"__name__\":\"runtruth_route_info\",\"framework\":\"spring-webmvc\","
                            + "\"handler\":\"" + route.handler() + "\"," + common + ",\"method\":\"" + route.method()
                            + "\",\"route\":\"" + route.template() + "\"}," + value);
                }
            }
            w.write("]}}");
        }
        Files.move(tmp, file);
    }
}
