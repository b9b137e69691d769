package dev.runtruth.collector.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Observed routes read from a Prometheus server that scrapes the agents: one instant query
 * ({@code GET /api/v1/query}, Prometheus HTTP API v1) for
 * <pre>{__name__=~"runtruth_(route|build|agent)_info", &lt;selector's matchers&gt;}</pre>
 * grouped by the {@code job} and {@code instance} labels. What Prometheus returns is its latest sample within its
 * lookback (5 minutes by default), so an instance that stopped is seen until its series go stale.
 */
final class PrometheusApiSource implements ObservedSource {

    static final String METRICS = "__name__=~\"runtruth_(route|build|agent)_info\"";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String selector;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param server   base URL of the Prometheus server, without a trailing slash
     * @param selector PromQL label matchers in braces, e.g. {@code {job="billing-api"}}
     * @param timeout  connect and response timeout
     */
    PrometheusApiSource(URI server, String selector, Duration timeout) {
        this.server = server;
        this.selector = selector;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @return the PromQL query sent: the three Runtruth info metrics narrowed by the selector */
    String query() {
        String inner = selector.substring(1, selector.length() - 1).trim();
        return "{" + METRICS + (inner.isEmpty() ? "" : ", " + inner) + "}";
    }

    @Override
    public List<ObservedRoutes> instances() throws InputException {
        URI uri = URI.create(server + "/api/v1/query?query=" + URLEncoder.encode(query(), StandardCharsets.UTF_8));
        JsonNode body;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new InputException(server.toString(), "HTTP " + response.statusCode() + " for query "
                        + query() + ": " + body.path("error").asText(response.body()));
            }
        } catch (IOException e) {
            throw new InputException(server.toString(), "cannot query Prometheus: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(server.toString(), "interrupted", e);
        }
        if (!"success".equals(body.path("status").asText()) || !"vector".equals(body.path("data")
                .path("resultType").asText())) {
            throw new InputException(server.toString(), "not a Prometheus instant-query vector answer: "
                    + abbreviate(body.toString()));
        }
        Map<String, List<Map<String, String>>> byInstance = new TreeMap<>();
        for (JsonNode series : body.path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String instance = labels.getOrDefault("job", "") + "/" + labels.getOrDefault("instance", "");
            byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(labels);
        }
        List<ObservedRoutes> list = new ArrayList<>();
        byInstance.forEach((instance, samples) -> list.add(toObserved(instance, samples)));
        return list;
    }

    private static ObservedRoutes toObserved(String instance, List<Map<String, String>> samples) {
        List<Route> routes = new ArrayList<>();
        BuildIdentity build = BuildIdentity.unknown();
        String agentVersion = null;
        for (Map<String, String> labels : samples) {
            switch (labels.get("__name__")) {
                case "runtruth_route_info" -> {
                    String route = labels.get("route");
                    if (route != null && !route.isEmpty()) {
                        routes.add(Route.of(labels.get("method"), route, labels.get("framework"),
                                labels.get("handler")));
                    }
                }
                case "runtruth_build_info" -> build = new BuildIdentity(labels.get("service"), labels.get("version"),
                        labels.get("commit"), labels.get("branch"), labels.get("build_time"));
                default -> agentVersion = labels.get("version");
            }
        }
        return new ObservedRoutes(instance, build, agentVersion, routes, List.of());
    }

    @Override
    public String describe() {
        return "Prometheus " + server + " " + selector;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
