package dev.runtruth.agenttests;

import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scrape of the agent's {@code /metrics} in the Prometheus text format, and the runtruth series in it.
 */
final class AgentScrape {

    static final String ROUTE_INFO = MetricNames.ROUTE_INFO;
    static final String BUILD_INFO = MetricNames.BUILD_INFO;
    static final String CLASSPATH_ENTRY_INFO = MetricNames.CLASSPATH_ENTRY_INFO;
    static final String CAPTURE_ERRORS = MetricNames.CAPTURE_ERRORS_TOTAL;
    static final String FRAMEWORK_INFO = MetricNames.FRAMEWORK_INFO;
    static final String LISTENER_INFO = MetricNames.LISTENER_INFO;
    static final String LISTENER_DISCOVERY = MetricNames.LISTENER_DISCOVERY_AVAILABLE;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String text;
    private final List<Sample> samples;

    private AgentScrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    /**
     * @param metricsUrl e.g. {@code http://127.0.0.1:9999/metrics}
     * @return the parsed scrape
     * @throws IOException if the request fails or does not answer 200
     */
    static AgentScrape scrape(String metricsUrl) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl))
                .header("Accept", "text/plain; version=0.0.4; charset=utf-8")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + metricsUrl, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(metricsUrl + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /**
     * Scrapes until the agent's endpoint answers (it opens once the application's class loading pauses).
     *
     * @param metricsUrl e.g. {@code http://127.0.0.1:9999/metrics}
     * @param timeout    how long to keep trying
     * @param jvm        the JVM the agent runs in, for the failure message
     * @return the first successful scrape
     * @throws AssertionError when none succeeds in time
     */
    static AgentScrape await(String metricsUrl, Duration timeout, TestJvm jvm) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        IOException last = null;
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                return scrape(metricsUrl);
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(200); // poll interval of the wait, not a fixed delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no agent metrics at " + metricsUrl + " after " + timeout + ": " + last + "\n"
                + jvm.describe());
    }

    /**
     * @param text an exposition in the Prometheus text format (OpenMetrics text parses too)
     * @return the parsed scrape
     * @throws IllegalArgumentException on a malformed sample line
     */
    static AgentScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(Sample.parse(trimmed));
            }
        }
        return new AgentScrape(text, Collections.unmodifiableList(samples));
    }

    /**
     * @return the routes of every {@code runtruth_route_info} series (any framework label), with their {@code port}
     *         label ({@link Route#port()}); equal routes on two listeners count once (a route's identity is its key)
     */
    Set<Route> routes() {
        return new LinkedHashSet<>(routeSeries());
    }

    /**
     * @return one route per {@code runtruth_route_info} series, in scrape order: a route served on two listeners
     *         (Spring Boot's {@code /error} on the application and the management port) is here twice, with each
     *         {@code port}
     */
    List<Route> routeSeries() {
        return series(ROUTE_INFO).stream()
                .map(s -> Route.of(s.labels.get(MetricNames.METHOD), s.labels.get(MetricNames.ROUTE),
                        s.labels.get(MetricNames.FRAMEWORK), s.labels.get(MetricNames.HANDLER))
                        .withPort(s.labels.get(MetricNames.PORT)))
                .collect(Collectors.toList());
    }

    /** @return the labels of every {@code runtruth_build_info} series */
    List<Map<String, String>> buildInfo() {
        return labels(BUILD_INFO);
    }

    /** @return the labels of every {@code runtruth_classpath_entry_info} series */
    List<Map<String, String>> classpathEntries() {
        return labels(CLASSPATH_ENTRY_INFO);
    }

    /** @return the labels of every {@code runtruth_capture_errors_total} series (there may be none) */
    List<Map<String, String>> captureErrorSeries() {
        return labels(CAPTURE_ERRORS);
    }

    /** @return the labels of every {@code runtruth_framework_info} series: framework, version, state, reason */
    List<Map<String, String>> frameworks() {
        return labels(FRAMEWORK_INFO);
    }

    /**
     * @param framework a {@code framework} label value
     * @return its {@code state} label, {@code null} when the agent does not report that framework
     */
    String frameworkState(String framework) {
        return frameworks().stream().filter(l -> framework.equals(l.get(MetricNames.FRAMEWORK)))
                .map(l -> l.get(MetricNames.STATE))
                .findFirst().orElse(null);
    }

    /** @return the {@code state} label of {@code runtruth_inventory_info} ({@code starting}, {@code ready}, ...), or null */
    String inventoryState() {
        return labels(MetricNames.INVENTORY_INFO).stream().map(l -> l.get(MetricNames.STATE)).findFirst().orElse(null);
    }

    /** @return the sum over every {@code runtruth_capture_errors_total} series; 0 when there is none */
    double captureErrors() {
        return series(CAPTURE_ERRORS).stream().mapToDouble(s -> s.value).sum();
    }

    /**
     * @return the {@code state} label ({@code served}, {@code unknown}) of each port of the {@code runtruth_listener_info}
     *         series; a port listed on several addresses with different states maps to {@code unknown}
     */
    Map<Integer, String> listenerStates() {
        Map<Integer, String> states = new java.util.TreeMap<>();
        for (Sample s : series(LISTENER_INFO)) {
            states.merge(Integer.parseInt(s.labels.get(MetricNames.PORT)), s.labels.get(MetricNames.STATE),
                    (a, b) -> a.equals(b) ? a : "unknown");
        }
        return states;
    }

    /** @return every sample of the scrape, in order */
    List<Sample> samples() {
        return samples;
    }

    /** @return the samples named {@code name} */
    List<Sample> series(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).toList();
    }

    /** @return the exposition text as scraped, for failure messages */
    String text() {
        return text;
    }

    private List<Map<String, String>> labels(String name) {
        return series(name).stream().map(s -> s.labels).toList();
    }

    /** One sample line: {@code name{label="value",...} value [timestamp]}. */
    record Sample(String name, Map<String, String> labels, double value) {

        static Sample parse(String line) {
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace < 0 || (space >= 0 && space < brace)) {
                if (space < 0) {
                    throw new IllegalArgumentException("no value in sample line: " + line);
                }
                return new Sample(line.substring(0, space), Map.of(), value(line.substring(space + 1), line));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            int i = brace + 1;
            while (true) {
                while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
                    i++;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unterminated labels: " + line);
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("bad label at " + i + ": " + line);
                }
                String label = line.substring(i, eq).trim();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("unterminated label value: " + line);
                }
                labels.put(label, value.toString());
                i = j + 1;
            }
            return new Sample(line.substring(0, brace).trim(), Collections.unmodifiableMap(labels),
                    value(line.substring(i), line));
        }

        private static double value(String rest, String line) {
            String number = rest.trim().split("\\s+")[0];
            switch (number) {
                case "+Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
            try {
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value in sample line: " + line, e);
            }
        }
    }
}
