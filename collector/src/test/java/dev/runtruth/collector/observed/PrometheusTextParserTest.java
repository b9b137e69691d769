package dev.runtruth.collector.observed;

import static dev.runtruth.collector.observed.ExpositionFormat.OPENMETRICS_1_0;
import static dev.runtruth.collector.observed.ExpositionFormat.PROMETHEUS_TEXT_0_0_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.observed.PrometheusTextParser.Sample;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser against client_java's own writers, escaping edge cases and malformed input. */
class PrometheusTextParserTest {

    private static final List<Route> ROUTES = List.of(
            Route.of("GET", "/owners/{ownerId}", "spring-webmvc", "a.OwnerController#show"),
            Route.of("*", "/files/{name}", "spring-webmvc", "a.PlainController#file"));

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void readsClientJavaExposition(ExpositionFormat format) throws Exception {
        PrometheusRegistry registry = AgentExposition.registry(ROUTES, "backoffice", "4b825dc6");
        String text = format == OPENMETRICS_1_0 ? AgentExposition.openMetrics(registry)
                : AgentExposition.text(registry);

        List<Sample> samples = PrometheusTextParser.parse(text, format);

        assertThat(samples).filteredOn(s -> s.name().equals(MetricNames.ROUTE_INFO))
                .extracting(Sample::labels, Sample::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Map.of(MetricNames.FRAMEWORK, "spring-webmvc",
                                MetricNames.METHOD, "GET", MetricNames.ROUTE, "/owners/{ownerId}",
                                MetricNames.HANDLER, "a.OwnerController#show", MetricNames.PORT, ""), 1.0),
                        org.assertj.core.groups.Tuple.tuple(Map.of(MetricNames.FRAMEWORK, "spring-webmvc",
                                MetricNames.METHOD, "*", MetricNames.ROUTE, "/files/{name}",
                                MetricNames.HANDLER, "a.PlainController#file", MetricNames.PORT, ""), 1.0));
        assertThat(samples).filteredOn(s -> s.name().equals(MetricNames.BUILD_INFO)).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry(MetricNames.COMMIT, "4b825dc6")
                        .containsEntry(MetricNames.SERVICE, "backoffice").containsEntry(MetricNames.BUILD_TIME, "2026-11-21T10:00:00Z"));
        assertThat(samples).extracting(Sample::name)
                .contains(MetricNames.AGENT_INFO, "http_server_duration_seconds_bucket",
                        "http_server_duration_seconds_count");
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void labelValuesWithEscapesRoundTripThroughClientJava(ExpositionFormat format) throws Exception {
        String nasty = "back\\slash \"quoted\" new\nline, comma } brace {x} = # \u00e9\u00e8 \u2603";
        PrometheusRegistry registry = new PrometheusRegistry();
        Info.builder().name("edge_info").labelNames("value").register(registry).addLabelValues(nasty);
        String text = format == OPENMETRICS_1_0 ? AgentExposition.openMetrics(registry)
                : AgentExposition.text(registry);

        List<Sample> samples = PrometheusTextParser.parse(text, format);

        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("edge_info");
            assertThat(s.labels()).containsExactly(Map.entry("value", nasty));
        });
    }

    @Test
    void textFormatAllowsWhatItsSpecificationAllows() throws Exception {
        String text = "\n"
                + "# a free comment\n"
                + "#\n"
                + "# HELP m Help with \\\\ and \\n escapes\n"
                + "# TYPE m gauge\n"
                + "m{a=\"1\",b=\"2\",} 3.5 1700000000000\n"
                + "  m{a=\"x\"}\t-Inf\n"
                + "m { a = \"y\" } NaN   \n"
                + "other +Inf -5\n"
                + "other2 1e-3\n"
                + "m_without_type .5\n";

        List<Sample> samples = PrometheusTextParser.parse(text, PROMETHEUS_TEXT_0_0_4);

        assertThat(samples).extracting(Sample::name)
                .containsExactly("m", "m", "m", "other", "other2", "m_without_type");
        assertThat(samples.get(0).labels()).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(samples.get(0).value()).isEqualTo(3.5);
        assertThat(samples.get(1).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(samples.get(2).value()).isNaN();
        assertThat(samples.get(2).labels()).containsEntry("a", "y");
        assertThat(samples.get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(samples.get(4).value()).isEqualTo(0.001);
    }

    @Test
    void openMetricsAllowsExemplarsUnitsAndEmptyLabelSets() throws Exception {
        String text = "# TYPE requests counter\n"
                + "# UNIT requests requests\n"
                + "# HELP requests Requests \\\"served\\\"\n"
                + "requests_total{} 12 1700000000.5 # {trace_id=\"abc\"} 1 1700000000.1\n"
                + "requests_created 1700000000.0\n"
                + "# TYPE build info\n"
                + "build_info{commit=\"x\"} 1\n"
                + "# EOF\n";

        List<Sample> samples = PrometheusTextParser.parse(text, OPENMETRICS_1_0);

        assertThat(samples).extracting(Sample::name).containsExactly("requests_total", "requests_created",
                "build_info");
        assertThat(samples.get(0).value()).isEqualTo(12.0);
        assertThat(samples.get(0).labels()).isEmpty();
    }

    @Test
    void openMetricsWithoutFinalNewlineIsAccepted() throws Exception {
        assertThat(PrometheusTextParser.parse("a 1\n# EOF", OPENMETRICS_1_0)).hasSize(1);
    }

    @Test
    void emptyTextFormatHasNoSamples() throws Exception {
        assertThat(PrometheusTextParser.parse("", PROMETHEUS_TEXT_0_0_4)).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                text("<!DOCTYPE html>\n<html></html>\n", "line 1: expected a metric name at '<'"),
                text("{\"status\":\"UP\"}\n", "line 1: expected a metric name at '{'"),
                text("m{a=\"b} 1\n", "line 1: unterminated label value"),
                text("m{a=\"\\t\"} 1\n", "line 1: invalid escape '\\t' in label value (only \\\\, \\\" and \\n)"),
                text("m{a=\"1\",a=\"2\"} 1\n", "line 1: label 'a' given twice"),
                text("m{1a=\"x\"} 1\n", "line 1: invalid label name '1a'"),
                text("m{a=x} 1\n", "line 1: expected '\"' at 'x'"),
                text("m{a=\"x\" b=\"y\"} 1\n", "line 1: expected ',' or '}' after the value of label 'a'"),
                text("m\n", "line 1: the line ends before the value"),
                text("m abc\n", "line 1: invalid value 'abc'"),
                text("m 0x10\n", "line 1: invalid value '0x10'"),
                text("m Infinity\n", "line 1: invalid value 'Infinity'"),
                text("m 1 2.5\n", "line 1: invalid timestamp '2.5'"),
                text("m 1 2 3\n", "line 1: unexpected text after the timestamp"),
                text("m{a=\"b\"}1\n", "line 1: expected a space at '1'"),
                text("ok 1\n9m 1\n", "line 2: invalid metric name '9m'"),
                text("# TYPE m foo\n", "line 1: unknown metric type 'foo' for m"),
                text("# TYPE m gauge\n# TYPE m counter\n", "line 2: second # TYPE for m"),
                text("# HELP m a\n# HELP m b\n", "line 2: second # HELP for m"),
                text("m 1\n# TYPE m gauge\n", "line 2: # TYPE for m after its samples"),
                text("# TYPE\n", "line 1: # TYPE without a valid metric name"),
                text("# HELP m bad \\q escape\n", "line 1: invalid escape in # HELP text of m"),
                text("m 1\r\n", "line 1: carriage return in line (lines must end with \\n only)"),
                om("m 1\n", "line 1: missing '# EOF' at the end (required by OpenMetrics)"),
                om("m 1\n# EOF\nm 2\n", "line 3: content after '# EOF'"),
                om("m 1\n\n# EOF\n", "line 2: empty line (not allowed in OpenMetrics)"),
                om("m  1\n# EOF\n", "line 1: more than one space (OpenMetrics separates by single spaces)"),
                om("# just a comment\n# EOF\n", "line 1: unknown descriptor '# just'"),
                om("m{a=\"b\",} 1\n# EOF\n", "line 1: expected a label name at '}'"),
                om("m{a = \"b\"} 1\n# EOF\n", "line 1: expected '=' at ' '"),
                om("# TYPE m untyped\n# EOF\n", "line 1: unknown metric type 'untyped' for m"),
                om("# UNIT m s\n# UNIT m s\n# EOF\n", "line 2: second # UNIT for m"),
                om("m 1 # trace\n# EOF\n", "line 1: exemplar without a label set"),
                om("m 1 1 # {a=\"b\"}\n# EOF\n", "line 1: the line ends before the value"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void rejectsMalformedInputNamingTheLine(ExpositionFormat format, String text, String message) {
        assertThatThrownBy(() -> PrometheusTextParser.parse(text, format))
                .isInstanceOf(PrometheusTextParser.ParseException.class)
                .hasMessage(message);
    }

    private static Arguments text(String text, String message) {
        return Arguments.of(PROMETHEUS_TEXT_0_0_4, text, message);
    }

    private static Arguments om(String text, String message) {
        return Arguments.of(OPENMETRICS_1_0, text, message);
    }
}
