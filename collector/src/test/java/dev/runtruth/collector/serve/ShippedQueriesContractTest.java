package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.drift.DriftComparator;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.SafeDocumentParser;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.model.FrameworkState;
import dev.runtruth.model.ListenerState;
import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules ({@code docs/prometheus/runtruth-rules.yml}) and Grafana dashboard
 * ({@code docs/grafana/runtruth-drift.json}) against the one contract: every {@code runtruth_*} metric their PromQL
 * names is either a sample of the agent's contract ({@link MetricNames#SAMPLES}) or one that {@code runtruth serve}
 * exports (read from a real {@link ServeMetrics} registry scrape, not a list), and every label they select, group
 * by or print ({@code $labels.x}) is a label of those metrics, a Prometheus target label ({@code job},
 * {@code instance}) or one the rules add themselves with {@code label_replace}. That the real agent jar exports
 * every name and label of {@link MetricNames#SAMPLES} is agent-tests' {@code AgentContractIT}.
 */
class ShippedQueriesContractTest {

    private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\b(runtruth_[a-z0-9_]+)\\b(\\s*\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^()]*)\\)");
    private static final Pattern LABEL_REPLACE_TARGET = Pattern.compile("label_replace\\([^\"]*\"([a-z_]+)\"",
            Pattern.DOTALL);
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((runtruth_[a-z0-9_]+)[^,]*,\\s*(\\w+)\\)");
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "__name__");

    /** Sample name -> its labels, of everything the shipped queries may name: the agent's and serve's. */
    private static Map<String, Set<String>> exported;

    @BeforeAll
    static void readWhatIsExported() throws Exception {
        exported = new TreeMap<>();
        MetricNames.SAMPLES.forEach((name, labels) -> exported.put(name, new TreeSet<>(labels)));
        exported.putAll(serveSamples());
    }

    @Test
    void alertRulesUseOnlyContractNamesAndLabels() throws Exception {
        JsonNode rules = SafeDocumentParser.read(DOCS.resolve("prometheus/runtruth-rules.yml"));
        List<String> exprs = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        Set<String> recorded = new LinkedHashSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                exprs.add(rule.path("expr").asText());
                if (rule.has("record")) {
                    recorded.add(rule.path("record").asText());
                }
                rule.path("labels").forEach(v -> templates.add(v.asText()));
                rule.path("annotations").forEach(v -> templates.add(v.asText()));
            }
        }
        assertThat(exprs).as("rules read").hasSizeGreaterThan(5);
        assertShippedQueries("runtruth-rules.yml", exprs, templates);
    }

    @Test
    void dashboardUsesOnlyContractNamesAndLabels() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("grafana/runtruth-drift.json").toFile());
        List<String> exprs = new ArrayList<>();
        collectQueries(dashboard, exprs);
        assertThat(exprs).as("panel and variable queries read").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (String expr : exprs) {
            Matcher values = LABEL_VALUES.matcher(expr);
            while (values.find()) {
                checkLabel(values.group(2), "label_values of " + values.group(1), Set.of(), problems);
            }
        }
        assertThat(problems).as("dashboard variables").isEmpty();
        assertShippedQueries("runtruth-drift.json", exprs, List.of());
    }

    private static void assertShippedQueries(String file, List<String> exprs, List<String> templates) {
        List<String> problems = new ArrayList<>();
        Set<String> added = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        for (String expr : exprs) {
            Matcher replace = LABEL_REPLACE_TARGET.matcher(expr);
            while (replace.find()) {
                added.add(replace.group(1));
            }
        }
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                String name = m.group(1);
                named.add(name);
                Set<String> labels = exported.get(name);
                if (labels == null) {
                    problems.add(name + " is neither in MetricNames.SAMPLES nor exported by runtruth serve");
                    continue;
                }
                if (m.group(3) != null) {
                    Matcher matcher = MATCHER.matcher(m.group(3));
                    while (matcher.find()) {
                        if (!labels.contains(matcher.group(1)) && !TARGET_LABELS.contains(matcher.group(1))) {
                            problems.add(name + "{" + matcher.group(1) + "}: " + name + " has no such label "
                                    + labels);
                        }
                    }
                }
            }
            Matcher grouping = GROUPING.matcher(expr);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    if (!label.isBlank()) {
                        checkLabel(label.trim(), "grouping in " + firstLine(expr), added, problems);
                    }
                }
            }
        }
        for (String template : templates) {
            Matcher label = TEMPLATE_LABEL.matcher(template);
            while (label.find()) {
                checkLabel(label.group(1), "$labels in " + firstLine(template), added, problems);
            }
        }
        assertThat(named).as("%s names runtruth metrics", file).isNotEmpty();
        assertThat(problems).as("%s against the contract (MetricNames, serve's scrape)", file).isEmpty();
    }

    private static void checkLabel(String label, String where, Set<String> added, List<String> problems) {
        boolean known = TARGET_LABELS.contains(label) || added.contains(label)
                || exported.values().stream().anyMatch(labels -> labels.contains(label));
        if (!known) {
            problems.add(label + " (" + where + ") is no label of any exported runtruth metric");
        }
    }

    private static void collectQueries(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("expr") || e.getKey().equals("definition")) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collectQueries(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectQueries(child, out));
        }
    }

    /** @return sample name -> labels of a real serve registry with every series it can have */
    private static Map<String, Set<String>> serveSamples() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServeMetrics metrics = new ServeMetrics("svc", registry);
        String commit = "1111111111111111111111111111111111111111";
        ExpectedRoutes expected = new ExpectedRoutes("expected.json", new BuildIdentity("svc", "1", commit, "main",
                null), List.of(Route.parse("GET /a"), Route.parse("GET /b")), List.of());
        metrics.expected(expected, Instant.now());
        String exposition = AgentExposition.text(AgentExposition.registry(List.of(
                Route.of("GET", "/a", "spring-webmvc", "A#a"), Route.of("GET", "/extra", "spring-webmvc", "E#e")),
                "svc", "2222222222222222222222222222222222222222"))
                + MetricNames.FRAMEWORK_INFO + "{" + MetricNames.FRAMEWORK + "=\"javalin\"," + MetricNames.VERSION
                + "=\"6.0.0\"," + MetricNames.STATE + "=\"" + FrameworkState.PARTIAL.label() + "\","
                + MetricNames.REASON + "=\"r\"} 1\n"
                + MetricNames.LISTENER_INFO + "{" + MetricNames.ADDRESS + "=\"0.0.0.0\"," + MetricNames.PORT
                + "=\"9000\"," + MetricNames.STATE + "=\"" + ListenerState.UNKNOWN.label() + "\"} 1\n";
        ObservedRoutes blind = AgentScraper.parse(exposition, null, "svc/blind");
        ObservedRoutes seeing = AgentScraper.parse(AgentExposition.text(AgentExposition.registry(List.of(
                Route.of("GET", "/a", "spring-webmvc", "A#a")), "svc", commit)), null, "svc/seeing");
        metrics.compared(List.of(DriftComparator.compare(expected, blind, IgnoreRules.defaults()),
                DriftComparator.compare(expected, seeing, IgnoreRules.defaults())), Instant.now());
        metrics.expectedError();
        metrics.observedError();
        Map<String, Set<String>> samples = new TreeMap<>();
        Pattern line = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? .*$");
        for (String text : registry.scrape().lines().toList()) {
            Matcher m = line.matcher(text);
            if (text.startsWith("#") || !m.matches()) {
                continue;
            }
            Set<String> labels = samples.computeIfAbsent(m.group(1), n -> new TreeSet<>());
            if (m.group(3) != null) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(m.group(3));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        assertThat(samples).as("serve's scrape (sanity)").containsKeys("runtruth_verdict_info",
                "runtruth_blind_spots", "runtruth_unexpected_route_info", "runtruth_expected_commit_info");
        return samples;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl) + " ...";
    }
}
