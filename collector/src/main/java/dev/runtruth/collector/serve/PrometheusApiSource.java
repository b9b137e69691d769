package dev.runtruth.collector.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.MetricNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Observed routes read from a Prometheus server that scrapes the agents: one instant query
 * ({@code GET /api/v1/query}, <a href="https://prometheus.io/docs/prometheus/latest/querying/api/">Prometheus HTTP
 * API v1</a>, result type {@code vector}) for
 * <pre>{__name__=~"runtruth_route_info|runtruth_build_info|runtruth_agent_info|runtruth_framework_info
 *   |runtruth_listener_info|runtruth_capture_errors_total|runtruth_inventory_info", &lt;selector's matchers&gt;}</pre>
 * (one line, names from {@link MetricNames}) grouped by the {@code job} and {@code instance} labels: the routes,
 * build and agent of each instance and what its agent could not see. What Prometheus returns is its latest sample
 * within its lookback (5 minutes by default), so an instance that stopped is seen until its series go stale.
 *
 * <p>The answer is streamed into {@link PrometheusVectorReader} (10,000 instances x 500 routes is 1.3 GB): it is
 * never held whole in memory. Bounds: the timeout applies to connecting, to the response headers, and to every wait
 * for more of the body; the body may be at most {@link #MAX_ANSWER_BYTES} bytes.
 */
public final class PrometheusApiSource implements ObservedSource {

    static final String METRICS = "__name__=~\"" + String.join("|", MetricNames.ROUTE_INFO, MetricNames.BUILD_INFO,
            MetricNames.AGENT_INFO, MetricNames.FRAMEWORK_INFO, MetricNames.LISTENER_INFO,
            MetricNames.CAPTURE_ERRORS_TOTAL, MetricNames.INVENTORY_INFO) + "\"";

    /** The largest answer read, bytes: 4 GiB, three times a 10,000 instances x 500 routes fleet. */
    static final long MAX_ANSWER_BYTES = 4L << 30;

    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String selector;
    private final Duration timeout;
    private final long maxBytes;
    private final HttpClient client;

    /**
     * @param server   base URL of the Prometheus server, without a trailing slash
     * @param selector PromQL label matchers in braces, e.g. {@code {job="billing-api"}} ({@link #jobSelector})
     * @param timeout  connect and response timeout, and the longest wait for more of the answer
     */
    public PrometheusApiSource(URI server, String selector, Duration timeout) {
        this(server, selector, timeout, MAX_ANSWER_BYTES);
    }

    /** As {@link #PrometheusApiSource(URI, String, Duration)} with another size limit, in bytes; for tests. */
    PrometheusApiSource(URI server, String selector, Duration timeout, long maxBytes) {
        this.server = server;
        this.selector = selector;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        // HTTP/1.1: Prometheus does not speak cleartext HTTP/2, so the default h2c upgrade offer is only noise
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * The selector of one service under the convention that the Prometheus {@code job} label is the service's name
     * (docs/prometheus.md), the default of {@code serve} and {@code verify}.
     *
     * @param service the service's name, e.g. {@code billing-api}
     * @return {@code {job="<service>"}}, with backslashes and quotes escaped as PromQL string literals require
     */
    public static String jobSelector(String service) {
        return "{job=\"" + service.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    /** @return the PromQL query sent: the Runtruth metrics serve reads, narrowed by the selector */
    String query() {
        String inner = selector.substring(1, selector.length() - 1).trim();
        return "{" + METRICS + (inner.isEmpty() ? "" : ", " + inner) + "}";
    }

    /** @return the PromQL query for the selected scrape targets Prometheus cannot scrape: {@code up{...} == 0} */
    String downQuery() {
        return "up" + selector + " == 0";
    }

    /**
     * {@inheritDoc}
     *
     * @throws InputException naming the server if it cannot be reached, answers late, stalls, answers an HTTP error,
     *                        sends more than the size limit, or sends anything but a successful vector answer
     */
    @Override
    public List<ObservedRoutes> instances() throws InputException {
        return read(query());
    }

    /**
     * The selected scrape targets whose last scrape failed ({@code up == 0}): instances whose agent Prometheus
     * cannot read, which {@link #instances()} does not list because their series went stale.
     *
     * @return one entry per such {@code job/instance}, without routes or build; empty when every target is up
     * @throws InputException as {@link #instances()}
     */
    public List<ObservedRoutes> downInstances() throws InputException {
        return read(downQuery());
    }

    private List<ObservedRoutes> read(String query) throws InputException {
        URI uri = URI.create(server + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new InputException(server.toString(), "cannot query Prometheus: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(server.toString(), "interrupted", e);
        }
        try (AnswerStream body = new AnswerStream(response.body(), maxBytes, timeout)) {
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > maxBytes) {
                throw new InputException(server.toString(), "the answer is " + length.getAsLong()
                        + " bytes, larger than the limit of " + maxBytes + " bytes; narrow the selector");
            }
            if (response.statusCode() != 200) {
                throw new InputException(server.toString(), "HTTP " + response.statusCode() + " for query "
                        + query + ": " + errorOf(body));
            }
            try {
                return new PrometheusVectorReader().read(body);
            } catch (PrometheusVectorReader.MalformedAnswerException e) {
                throw new InputException(server.toString(), "not a Prometheus instant-query vector answer: "
                        + e.getMessage() + "; the answer starts with: " + body.head(), e);
            }
        } catch (AnswerStream.TooLargeException e) {
            throw new InputException(server.toString(), e.getMessage() + "; narrow the selector", e);
        } catch (AnswerStream.StalledException e) {
            throw new InputException(server.toString(), "Prometheus stopped sending its answer: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(server.toString(), "cannot read Prometheus' answer: " + e, e);
        }
    }

    /** @return the {@code error} of a Prometheus error answer, else the start of the body, on one line */
    private static String errorOf(AnswerStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(text).path("error");
            if (error.isTextual()) {
                return error.asText().replaceAll("\\s+", " ");
            }
        } catch (IOException e) {
            // not JSON (a proxy's HTML page): show its start
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= AnswerStream.HEAD ? line : line.substring(0, AnswerStream.HEAD) + "...";
    }

    @Override
    public String describe() {
        return "Prometheus " + server + " " + selector;
    }
}
