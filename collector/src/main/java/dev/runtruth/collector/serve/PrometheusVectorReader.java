package dev.runtruth.collector.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.InventoryState;
import dev.runtruth.model.ListenerState;
import dev.runtruth.model.MetricNames;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the answer of a Prometheus HTTP API v1 instant query whose result is a vector
 * (<a href="https://prometheus.io/docs/prometheus/latest/querying/api/">Prometheus HTTP API</a>, "Instant queries"
 * and "Instant vectors"), in one streaming pass with Jackson's {@link JsonParser}: no string of the whole answer and
 * no tree. The shape read:
 * <pre>
 * {"status": "success",
 *  "data": {"resultType": "vector",
 *           "result": [{"metric": {"__name__": "runtruth_route_info", "job": "...", "instance": "...", ...},
 *                       "value": [1732170000.123, "1"]}, ...]},
 *  "warnings": [...], "infos": [...]}
 * </pre>
 * Members may come in any order; unknown members (e.g. {@code warnings}, a native {@code histogram}) are skipped.
 *
 * <p>Series are grouped into instances by their {@code job} and {@code instance} labels (source {@code
 * job/instance}); {@code runtruth_route_info} gives a route from its {@code method}, {@code route}, {@code framework},
 * {@code handler} and {@code port} labels (a series without a {@code route} label is skipped; a route with a port is
 * served on a separate listener, {@link dev.runtruth.model.Route#port()}), {@code runtruth_inventory_info} whether the
 * instance is still starting ({@code state}, {@code reason}), {@code runtruth_build_info} the
 * build from {@code service}, {@code version}, {@code commit}, {@code branch} and {@code build_time}, {@code
 * runtruth_agent_info} the agent's {@code version}; other series only make their instance known.
 *
 * <p>Built for fleets (10,000 instances x 500 routes is a 1.3 GB answer): label values are interned ({@link
 * StringPool}), each distinct label set of a route becomes one {@code Route} (normalised once), and instances that
 * serve the same routes share one sorted route list. When two series of an instance name the same route (same
 * {@linkplain dev.runtruth.model.Route#key() key}), the one whose labels appear first in the answer wins. One reader
 * reads one answer; it is not thread-safe.
 */
final class PrometheusVectorReader {

    /** The answer is not an instant-query vector answer; the message says why, one line. */
    static final class MalformedAnswerException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedAnswerException(String message) {
            super(message);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_POOLED_VALUES = 1 << 20;

    private final StringPool pool = new StringPool(MAX_POOLED_VALUES);
    private final RouteTable routes = new RouteTable();
    private final InstanceTable instances = new InstanceTable();
    private final CoverageTable coverage = new CoverageTable();

    // the labels of the series being read; reset per series
    private String name;
    private String job;
    private String instance;
    private String method;
    private String route;
    private String framework;
    private String handler;
    private String service;
    private String version;
    private String commit;
    private String branch;
    private String buildTime;
    private String state;
    private String reason;
    private String address;
    private String port;
    private String sampleValue; // kept only for the series whose value is read

    /**
     * @param in the answer's body, UTF-8 JSON; read to its end, not closed
     * @return one entry per {@code job/instance}, in order of that name
     * @throws MalformedAnswerException if the answer is not JSON, is truncated, or is not a successful instant-query
     *                                  vector answer (e.g. {@code "status": "error"}, a matrix)
     * @throws IOException              if reading {@code in} fails
     */
    List<ObservedRoutes> read(InputStream in) throws MalformedAnswerException, IOException {
        try (JsonParser p = JSON.createParser(in)) {
            return read(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedAnswerException("malformed JSON at byte " + e.getLocation().getByteOffset() + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        }
    }

    private List<ObservedRoutes> read(JsonParser p) throws MalformedAnswerException, IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT, "the answer is not a JSON object");
        String status = null;
        String error = null;
        String[] resultType = {null};
        boolean result = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "status" -> status = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "error" -> error = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "data" -> result = readData(p, value, resultType);
                default -> p.skipChildren();
            }
        }
        expect(p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null, "text after the answer's end");
        expect(!"error".equals(status), "Prometheus answered status 'error': " + error);
        expect("success".equals(status), "status is " + (status == null ? "missing" : "'" + status + "'"));
        expect("vector".equals(resultType[0]), "data.resultType is "
                + (resultType[0] == null ? "missing" : "'" + resultType[0] + "'") + ", not 'vector'");
        expect(result, "data.result is missing");
        return instances.toObserved(routes, coverage);
    }

    /** @return whether {@code data.result} was read */
    private boolean readData(JsonParser p, JsonToken token, String[] resultType)
            throws MalformedAnswerException, IOException {
        expect(token == JsonToken.START_OBJECT, "data is not an object");
        boolean result = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("resultType")) {
                resultType[0] = value == JsonToken.VALUE_STRING ? p.getText() : "a " + value;
                p.skipChildren();
            } else if (field.equals("result")) {
                expect(resultType[0] == null || resultType[0].equals("vector"),
                        "data.resultType is '" + resultType[0] + "', not 'vector'");
                expect(value == JsonToken.START_ARRAY, "data.result is not an array");
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    expect(p.currentToken() == JsonToken.START_OBJECT, "an element of data.result is not an object"
                            + " (resultType scalar or string?)");
                    readSeries(p);
                }
                result = true;
            } else {
                p.skipChildren();
            }
        }
        return result;
    }

    private void readSeries(JsonParser p) throws MalformedAnswerException, IOException {
        clearLabels();
        boolean metric = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonToken value = p.nextToken();
            if (p.currentName().equals("metric")) {
                expect(value == JsonToken.START_OBJECT, "a series' metric is not an object");
                readLabels(p);
                metric = true;
            } else if (p.currentName().equals("value") && (name == null || name.equals(
                    MetricNames.CAPTURE_ERRORS_TOTAL))) {
                // Prometheus sends "metric" first, so this runs for one series per instance, not per route
                sampleValue = readValue(p, value);
            } else {
                p.skipChildren(); // "value": [ts, "1"], or a native "histogram"
            }
        }
        expect(metric, "a series without 'metric'");
        InstanceTable.Instance target = instances.get(job == null ? "" : job, instance == null ? "" : instance);
        if (name == null) {
            return;
        }
        switch (name) {
            case MetricNames.ROUTE_INFO -> {
                if (route != null && !route.isEmpty()) {
                    target.addRoute(routes.id(method, route, framework, handler, port));
                }
            }
            case MetricNames.BUILD_INFO -> target.build(new BuildIdentity(service, version, commit, branch, buildTime));
            case MetricNames.AGENT_INFO -> target.agentVersion(version);
            case MetricNames.FRAMEWORK_INFO -> target.addFramework(coverage.framework(framework, version, state,
                    reason));
            case MetricNames.INVENTORY_INFO -> target.inventory(InventoryState.ofLabel(state), reason);
            case MetricNames.LISTENER_INFO -> {
                if (!ListenerState.SERVED.label().equals(state)) { // unknown, or a state newer than this reader
                    target.addUnknownPort(Coverage.hostPort(address, port));
                }
            }
            case MetricNames.CAPTURE_ERRORS_TOTAL -> {
                expect(sampleValue != null, "a series of " + name + " without a value");
                double errors;
                try {
                    errors = Double.parseDouble(sampleValue);
                } catch (NumberFormatException e) {
                    throw new MalformedAnswerException("the value of " + name + " is not a number: '" + sampleValue
                            + "'");
                }
                target.addCaptureErrors((long) errors);
            }
            default -> {
                // another metric: the instance is known, nothing more
            }
        }
    }

    /** @return the value of a sample {@code [time, "value"]}, as sent */
    private static String readValue(JsonParser p, JsonToken start) throws MalformedAnswerException, IOException {
        String shape = "a series' value is not [time, \"value\"]";
        expect(start == JsonToken.START_ARRAY, shape);
        JsonToken time = p.nextToken();
        expect(time != null && time.isNumeric() && p.nextToken() == JsonToken.VALUE_STRING, shape);
        String text = p.getText();
        expect(p.nextToken() == JsonToken.END_ARRAY, shape);
        return text;
    }

    private void readLabels(JsonParser p) throws MalformedAnswerException, IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String label = p.currentName(); // canonicalised by Jackson: a switch on it compares interned strings
            expect(p.nextToken() == JsonToken.VALUE_STRING, "the value of label '" + label + "' is not a string");
            switch (label) {
                case "__name__" -> name = text(p);
                case "job" -> job = text(p);
                case "instance" -> instance = text(p);
                case MetricNames.METHOD -> method = text(p);
                case MetricNames.ROUTE -> route = text(p);
                case MetricNames.FRAMEWORK -> framework = text(p);
                case MetricNames.HANDLER -> handler = text(p);
                case MetricNames.SERVICE -> service = text(p);
                case MetricNames.VERSION -> version = text(p);
                case MetricNames.COMMIT -> commit = text(p);
                case MetricNames.BRANCH -> branch = text(p);
                case MetricNames.BUILD_TIME -> buildTime = text(p);
                case MetricNames.STATE -> state = text(p);
                case MetricNames.REASON -> reason = text(p);
                case MetricNames.ADDRESS -> address = text(p);
                case MetricNames.PORT -> port = text(p);
                default -> {
                    // a label Runtruth does not read (e.g. a relabelled "pod"): its text is never decoded
                }
            }
        }
    }

    private String text(JsonParser p) throws IOException {
        return pool.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private void clearLabels() {
        name = null;
        job = null;
        instance = null;
        method = null;
        route = null;
        framework = null;
        handler = null;
        service = null;
        version = null;
        commit = null;
        branch = null;
        buildTime = null;
        state = null;
        reason = null;
        address = null;
        port = null;
        sampleValue = null;
    }

    private static void expect(boolean condition, String problem) throws MalformedAnswerException {
        if (!condition) {
            throw new MalformedAnswerException(problem);
        }
    }

    /** @return the routes read so far that went into the answer's instances, as distinct label sets; for tests */
    int distinctRoutes() {
        return routes.size();
    }

    /** @return the distinct label values pooled; for tests */
    int pooledValues() {
        return pool.size();
    }
}
