package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.FrameworkState;
import dev.runtruth.model.Route;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader against answers a real Prometheus (Debian's 2.42) gave: {@code src/test/resources/
 * prometheus-2.42/} holds the two exposition texts it scraped ({@code instance-1946x.prom}, served as files, job
 * {@code billing-api} with a relabelled {@code team} label, {@code prometheus.yml}) and its answers to the query
 * {@link PrometheusApiSource} sends ({@code vector.json}), to a range selector ({@code matrix.json}), to {@code 1}
 * ({@code scalar.json}), to a selector that matches nothing ({@code empty.json}) and to a syntax error ({@code
 * error-400.json}). The truth for each instance is its exposition text read by the collector's own text-format
 * scraper ({@link AgentScraper#parse}), a separate code path.
 */
class PrometheusVectorReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] INSTANCES = {"127.0.0.1:19461", "127.0.0.1:19462"};

    @Test
    void readsARealAnswerAsTheScrapedExpositionSays() throws Exception {
        List<ObservedRoutes> read = read(resource("vector.json"));

        assertThat(read).extracting(ObservedRoutes::source)
                .containsExactly("billing-api/" + INSTANCES[0], "billing-api/" + INSTANCES[1]);
        for (int i = 0; i < INSTANCES.length; i++) {
            ObservedRoutes truth = scraped(INSTANCES[i]);
            assertThat(read.get(i).build()).isEqualTo(truth.build());
            assertThat(read.get(i).agentVersion()).isEqualTo(truth.agentVersion());
            assertThat(rows(read.get(i).routes())).containsExactlyElementsOf(rows(truth.routes())).isNotEmpty();
            // Prometheus does not keep the agent's series order: the reader sorts frameworks by name, ports as text
            Coverage seen = truth.coverage();
            assertThat(read.get(i).coverage()).isEqualTo(new Coverage(
                    seen.frameworks().stream().sorted(CoverageTable.ORDER).toList(), seen.captureErrors(),
                    seen.unknownPorts().stream().sorted().toList()));
        }
    }

    @Test
    void coverageIsReadPerInstanceAndAnUnknownStateIsFailedNeverCaptured() throws Exception {
        List<ObservedRoutes> read = read(resource("vector.json"));

        Coverage healthy = read.get(0).coverage();
        assertThat(healthy.frameworks()).containsExactly(
                new Coverage.Framework("spring-webmvc", "6.2.12", FrameworkState.CAPTURED, ""));
        assertThat(healthy.blind()).isFalse();
        assertThat(read.get(0).completeRoutes()).isNotNull();
        Coverage blind = read.get(1).coverage();
        assertThat(blind.frameworks()).extracting(f -> f.name() + " " + f.state().label()).containsExactly(
                "helidon-se unsupported", "spring-data-rest failed", "spring-webmvc partial");
        assertThat(blind.frameworks().get(1).reason()).contains("'degraded'");
        assertThat(blind.captureErrors()).isEqualTo(3);
        assertThat(blind.unknownPorts()).containsExactly("127.0.0.1:5005", "[::]:9090");
        assertThat(read.get(1).completeRoutes()).isNull();
    }

    @Test
    void instancesOnTheSameRoutesShareOneListAndEachRouteIsMadeOnce() throws Exception {
        int copies = 50;
        JsonNode answer = JSON.readTree(resource("vector.json"));
        ArrayNode result = (ArrayNode) answer.path("data").path("result");
        List<JsonNode> series = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (JsonNode one : result) {
                ObjectNode renamed = one.deepCopy();
                String instance = renamed.path("metric").path("instance").asText();
                ((ObjectNode) renamed.path("metric")).put("instance", instance + "-" + copy);
                series.add(renamed);
            }
        }
        Collections.shuffle(series, new Random(42)); // Prometheus does not promise any order of the series
        result.removeAll().addAll(series);
        PrometheusVectorReader reader = new PrometheusVectorReader();

        List<ObservedRoutes> read = reader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(answer)));

        assertThat(read).hasSize(copies * INSTANCES.length);
        List<ObservedRoutes> original = read(resource("vector.json"));
        for (ObservedRoutes instance : read) {
            ObservedRoutes same = instance.source().contains(INSTANCES[0]) ? original.get(0) : original.get(1);
            assertThat(rows(instance.routes())).isEqualTo(rows(same.routes()));
            assertThat(instance.build()).isEqualTo(same.build());
            ObservedRoutes first = instance.source().contains(INSTANCES[0]) ? read.get(0) : read.get(copies);
            assertThat(instance.routes()).isSameAs(first.routes());
            assertThat(instance.coverage()).isEqualTo(same.coverage()).isSameAs(first.coverage());
        }
        int distinctRouteSeries = (int) series.stream().filter(s -> s.path("metric").path("__name__").asText()
                .equals("runtruth_route_info") && s.path("metric").has("route")).map(s -> s.path("metric").path("handler").asText()
                + s.path("metric").path("route").asText()).distinct().count();
        assertThat(reader.distinctRoutes()).isEqualTo(distinctRouteSeries);
    }

    @Test
    void membersInAnyOrderAndUnknownMembersAreRead() throws Exception {
        ObjectNode real = (ObjectNode) JSON.readTree(resource("vector.json"));
        ObjectNode data = (ObjectNode) real.path("data");
        ObjectNode reordered = JSON.createObjectNode();
        reordered.putArray("warnings").add("PromQL info: a warning");
        ObjectNode newData = reordered.putObject("data");
        newData.set("result", data.path("result")); // before resultType
        newData.put("resultType", "vector");
        reordered.put("status", "success");
        reordered.putArray("infos").add("x");
        for (JsonNode series : data.path("result")) {
            ((ObjectNode) series).putObject("histogram").put("count", "1"); // a native histogram's member
            ((ObjectNode) series.path("metric")).put("pod", "billing-7f9c");
        }

        assertThat(read(JSON.writeValueAsBytes(reordered))).usingRecursiveComparison()
                .isEqualTo(read(resource("vector.json")));
    }

    @Test
    void anEmptyVectorIsNoInstance() throws Exception {
        assertThat(read(resource("empty.json"))).isEmpty();
    }

    @Test
    void otherResultTypesAndErrorAnswersAreRejected() {
        assertThatThrownBy(() -> read(resource("matrix.json"))).hasMessage(
                "data.resultType is 'matrix', not 'vector'");
        assertThatThrownBy(() -> read(resource("scalar.json"))).hasMessage(
                "data.resultType is 'scalar', not 'vector'");
        assertThatThrownBy(() -> read(resource("error-400.json")))
                .hasMessageStartingWith("Prometheus answered status 'error': invalid parameter \"query\"");
    }

    @Test
    void everyTruncationOfARealAnswerIsAnErrorNeverAPartialFleet() throws Exception {
        byte[] answer = resource("vector.json");
        for (int length = 0; length < answer.length; length++) {
            byte[] cut = Arrays.copyOf(answer, length);
            assertThatThrownBy(() -> read(cut)).as("cut at %d bytes", length)
                    .isInstanceOf(PrometheusVectorReader.MalformedAnswerException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html><body>502 Bad Gateway</body></html>",
        "",
        "[]",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}} trailing",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[1,\"1\"]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":[]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"1\"]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"job\":1}}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}",
        "{\"status\":\"success\",\"data\":{\"result\":[]}}",
        "{\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
        "{\"status\":\"success\",\"data\":\"vector\"}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},}",
    })
    void malformedAnswersAreOneLineErrors(String answer) {
        assertThatThrownBy(() -> read(answer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PrometheusVectorReader.MalformedAnswerException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void bytesThatAreNotUtf8AreAnError() throws Exception {
        String answer = new String(resource("vector.json"), StandardCharsets.UTF_8);
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1); // "café" as one Latin-1 byte 0xE9: not UTF-8
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("caf\u00e9");

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(PrometheusVectorReader.MalformedAnswerException.class)
                .hasMessageStartingWith("malformed JSON at byte ").hasMessageContaining("UTF-8");
    }

    @Test
    void thePortLabelAndTheInventoryStateAreRead() throws Exception {
        String answer = """
                {"status":"success","data":{"resultType":"vector","result":[
                 {"metric":{"__name__":"runtruth_route_info","job":"dw","instance":"a","framework":"jaxrs",
                   "method":"GET","route":"/things","handler":"T#get","port":""},"value":[1,"1"]},
                 {"metric":{"__name__":"runtruth_route_info","job":"dw","instance":"a","framework":"servlet",
                   "method":"*","route":"/**","handler":"AdminServlet","port":"8081"},"value":[1,"1"]},
                 {"metric":{"__name__":"runtruth_route_info","job":"dw","instance":"a","framework":"servlet",
                   "method":"*","route":"/error","handler":"E","port":"8081"},"value":[1,"1"]},
                 {"metric":{"__name__":"runtruth_route_info","job":"dw","instance":"a","framework":"servlet",
                   "method":"*","route":"/error","handler":"E"},"value":[1,"1"]},
                 {"metric":{"__name__":"runtruth_inventory_info","job":"dw","instance":"a","state":"ready",
                   "reason":""},"value":[1,"1"]},
                 {"metric":{"__name__":"runtruth_inventory_info","job":"dw","instance":"b","state":"starting",
                   "reason":"a Spring application context is refreshing"},"value":[1,"1"]}]}}
                """;
        List<ObservedRoutes> read = read(answer.getBytes(StandardCharsets.UTF_8));

        ObservedRoutes a = read.get(0);
        assertThat(a.routes()).extracting(r -> r + " port=" + r.port()).containsExactly(
                "* /** port=8081", "* /error port=", "GET /things port=");
        assertThat(a.applicationRoutes()).extracting(Route::toString).containsExactly("* /error", "GET /things");
        assertThat(a.coverage().starting()).isFalse();
        assertThat(a.coverage().blind()).isFalse();
        ObservedRoutes b = read.get(1);
        assertThat(b.coverage().starting()).isTrue();
        assertThat(b.coverage().blindSpots()).first().asString().contains("still starting")
                .contains("a Spring application context is refreshing");
    }

    private static List<ObservedRoutes> read(byte[] answer) throws Exception {
        return new PrometheusVectorReader().read(new ByteArrayInputStream(answer));
    }

    /** @return each route with its provenance, as compared: identity ({@code equals}) is the key only */
    private static List<String> rows(List<Route> routes) {
        return routes.stream().map(r -> r + " " + r.framework() + " " + r.handler()).toList();
    }

    private static ObservedRoutes scraped(String instance) throws InputException {
        String text = new String(resource("instance-" + instance.substring(instance.indexOf(':') + 1) + ".prom"),
                StandardCharsets.UTF_8);
        return AgentScraper.parse(text, "text/plain; version=0.0.4", instance);
    }

    static byte[] resource(String name) {
        try (InputStream in = PrometheusVectorReaderTest.class.getResourceAsStream("/prometheus-2.42/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource prometheus-2.42/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
