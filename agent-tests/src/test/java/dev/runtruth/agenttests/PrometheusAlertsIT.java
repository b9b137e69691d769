package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The alert rules, the collector's {@code serve} and the Grafana dashboard against a real Prometheus server
 * (Debian's {@code prometheus} 2.42, started on loopback by this test): the sample service's OLD build runs with the
 * agent, {@code runtruth serve} exports the NEW build's expected routes, and Prometheus must fire
 * {@code RuntruthRouteMissing} for {@code GET /api/v1/workflows/steps/definitions}; then the service is recreated
 * from the NEW build on the same address and the alert must resolve. While the alert fires, every query of every
 * dashboard panel runs against that Prometheus and must parse and return data. Coverage: the agent's {@code
 * runtruth_framework_info} reaches Prometheus with {@code spring-webmvc} captured, {@code runtruth serve} (reading it
 * through Prometheus) gives the old build the verdict {@code drift} and the new one {@code no_drift}, and {@code
 * RuntruthCannotTell} is never pending or firing on these healthy instances.
 *
 * <p>The rules are {@code docs/prometheus/runtruth-rules.yml} as shipped, with one change: every {@code for} and
 * {@code keep_firing_for} of {@code N} minutes becomes {@code 2N} seconds, and Prometheus scrapes and evaluates every
 * second, so the test takes about a minute instead of ten. Every process the test starts is ended by it.
 */
class PrometheusAlertsIT {

    static final String FEATURE = "/api/v1/workflows/steps/definitions";
    private static final Pattern MINUTES = Pattern.compile("^(\\s*(?:for|keep_firing_for):\\s*)(\\d+)m\\s*$",
            Pattern.MULTILINE);
    /** Panels that may be empty in this scenario, and why. */
    private static final Map<String, String> MAY_BE_EMPTY = Map.of(
            "Unexpected routes", "the old build serves a subset of the new build's routes");

    private final Path home = Path.of(System.getProperty("runtruth.home", "..")).toAbsolutePath().normalize();
    private final Path work = Path.of("target", "prometheus-it").toAbsolutePath();
    private final List<String> report = new ArrayList<>();
    private String ruleFor;

    @Test
    void routeMissingAlertFiresOnTheStaleBuildAndResolvesAfterTheFix() throws IOException {
        boolean installed = PrometheusServer.executable("prometheus").isPresent();
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "prometheus is not on the PATH (apt-get install -y --no-install-recommends prometheus); skipped"
                        + " outside CI only");
        assertThat(installed).as("prometheus on the PATH (CI is set, so this test must run)").isTrue();
        deleteRecursively(work);
        Files.createDirectories(work);
        String[] jars = sampleJars();
        Path oldJar = Path.of(jars[0]);
        Path newJar = Path.of(jars[1]);

        int agentPort = TestJvm.freePort();
        int appPort = TestJvm.freePort();
        int collectorPort = TestJvm.freePort();
        int prometheusPort = TestJvm.freePort();
        writePrometheusConfig(agentPort, collectorPort);
        Path serveConfig = work.resolve("serve.yml");
        Files.writeString(serveConfig, ""
                + "listen: 127.0.0.1:" + collectorPort + "\n"
                + "interval: 1s\n"
                + "services:\n"
                + "  backoffice:\n"
                + "    expected:\n"
                + "      path: " + newJar + "\n"
                + "    observed:\n"
                + "      prometheus: http://127.0.0.1:" + prometheusPort + "\n");

        try (TestJvm collector = TestJvm.builder("prometheus-it-collector", Jdks.current())
                .jar(Artifacts.collectorJar()).args("serve", serveConfig.toString()).start();
             PrometheusServer prometheus = PrometheusServer.start(work, prometheusPort)) {
            collector.awaitHttp200("http://127.0.0.1:" + collectorPort + "/metrics", Duration.ofSeconds(60));
            long firedMillis;
            long launched = System.nanoTime();
            try (TestJvm stale = service("prometheus-it-old", oldJar, agentPort, appPort)) {
                double readyAfter = (System.nanoTime() - launched) / 1e9;
                firedMillis = awaitAlert(prometheus, "firing", Duration.ofMinutes(3), launched, stale, collector);
                report.add(String.format("RuntruthRouteMissing firing %.1f s after the old build's JVM was launched"
                        + " (ready after %.1f s; rule 'for' %s)", firedMillis / 1000.0, readyAfter, ruleFor));
                checkCoverage(prometheus, "drift");
                checkDashboard(prometheus);
            }
            long restarted = System.nanoTime();
            try (TestJvm fixed = service("prometheus-it-new", newJar, agentPort, appPort)) {
                double readyAfter = (System.nanoTime() - restarted) / 1e9;
                long resolvedMillis = awaitAlert(prometheus, "resolved", Duration.ofMinutes(3), restarted, fixed,
                        collector);
                report.add(String.format("RuntruthRouteMissing resolved %.1f s after the old JVM was stopped (the new"
                        + " build was ready after %.1f s)", resolvedMillis / 1000.0, readyAfter));
                checkCoverage(prometheus, "no_drift");
                countSeries(prometheus, "new build", restarted);
            }
            assertNeverAlerted(prometheus, "RuntruthCannotTell");
        } finally {
            String text = String.join("\n", report);
            System.out.println("[prometheus-it]\n" + text);
            Files.writeString(work.resolve("measurements.txt"), text + "\n");
        }
    }

    /** Builds (or reuses) the demo's old and new sample jars with the collector's own builder. */
    private String[] sampleJars() {
        Path demoWork = Path.of("target", "demo-it").toAbsolutePath(); // shared with DemoIT: builds are reused
        OneShot build = OneShot.run("prometheus-it-sample-build", Duration.ofMinutes(10), List.of(
                Jdks.java(Jdks.current()).toString(), "-cp", Artifacts.collectorJar().toString(),
                "dev.runtruth.collector.demo.SampleJars", home.toString(), demoWork.toString()));
        assertThat(build.exitCode()).as(build.describe()).isZero();
        Matcher m = Pattern.compile("old=\\S+ (\\S+)\nnew=\\S+ (\\S+)").matcher(build.stdout());
        assertThat(m.find()).as(build.describe()).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private TestJvm service(String name, Path jar, int agentPort, int appPort) {
        TestJvm jvm = TestJvm.builder(name, Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1").jar(jar)
                .args("--server.port=" + appPort, "--server.address=127.0.0.1").start();
        try {
            jvm.awaitHttp200("http://127.0.0.1:" + appPort + "/actuator/health", Duration.ofMinutes(2));
        } catch (AssertionError e) {
            jvm.close();
            throw e;
        }
        return jvm;
    }

    private void writePrometheusConfig(int agentPort, int collectorPort) throws IOException {
        String rules = Files.readString(home.resolve("docs/prometheus/runtruth-rules.yml"), StandardCharsets.UTF_8);
        Matcher m = MINUTES.matcher(rules);
        StringBuilder fast = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(fast, m.group(1) + (2 * Integer.parseInt(m.group(2))) + "s");
        }
        m.appendTail(fast);
        Files.writeString(work.resolve("rules.yml"), fast.toString());
        Matcher routeMissing = Pattern.compile("alert: RuntruthRouteMissing[\\s\\S]*?\\n\\s+for: (\\S+)\\s+keep_firing_for:"
                + " (\\S+)").matcher(fast);
        assertThat(routeMissing.find()).as("RuntruthRouteMissing's for and keep_firing_for in %s", fast).isTrue();
        ruleFor = routeMissing.group(1) + ", keep_firing_for " + routeMissing.group(2);
        Files.writeString(work.resolve("prometheus.yml"), ""
                + "global:\n"
                + "  scrape_interval: 1s\n"
                + "  scrape_timeout: 1s\n"
                + "  evaluation_interval: 1s\n"
                + "rule_files: [rules.yml]\n"
                + "scrape_configs:\n"
                + "  - job_name: backoffice\n"  // the job IS the service (docs/prometheus.md)
                + "    static_configs: [{targets: ['127.0.0.1:" + agentPort + "']}]\n"
                + "  - job_name: runtruth-collector\n"
                + "    static_configs: [{targets: ['127.0.0.1:" + collectorPort + "']}]\n");
    }

    /**
     * Polls {@code /api/v1/alerts} every 250 ms until {@code RuntruthRouteMissing} for the feature route is firing
     * ({@code state="firing"}), or until no such alert exists at all ({@code state="resolved"}).
     *
     * @return milliseconds from {@code sinceNanos} until then
     */
    private long awaitAlert(PrometheusServer prometheus, String state, Duration timeout, long sinceNanos,
                            TestJvm service, TestJvm collector) {
        Predicate<JsonNode> feature = a -> "RuntruthRouteMissing".equals(a.path("labels").path("alertname").asText())
                && FEATURE.equals(a.path("labels").path("route").asText())
                && "GET".equals(a.path("labels").path("method").asText())
                && "backoffice".equals(a.path("labels").path("service").asText());
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode alerts = null;
        while (System.nanoTime() < deadline) {
            alerts = prometheus.alerts();
            List<JsonNode> matching = new ArrayList<>();
            alerts.forEach(a -> {
                if (feature.test(a)) {
                    matching.add(a);
                }
            });
            boolean done = state.equals("resolved") ? matching.isEmpty()
                    : matching.stream().anyMatch(a -> state.equals(a.path("state").asText()));
            if (done) {
                return (System.nanoTime() - sinceNanos) / 1_000_000;
            }
            pause(250);
        }
        return fail("RuntruthRouteMissing for GET %s not %s within %s; alerts: %s; targets: %s%n%s%n%s", FEATURE,
                state, timeout, alerts, prometheus.targets(), service.describe(), collector.describe());
    }

    /**
     * Counts, on Prometheus, the series one instance of the sample service has, per metric, once the count is final.
     * The agent's jar list grows while the application loads classes after start; the agent re-reads it at the first
     * scrape 5 s after the last read while the JVM's loaded-class count changes (Inventory.CLASSPATH_CHANGE_NANOS),
     * so with a scrape every second a count unchanged for 10 s is the count of a JVM that stopped loading classes.
     */
    private void countSeries(PrometheusServer prometheus, String build, long launchedNanos) {
        // instance!="": leaves out the recording rules' per-service series; ALERTS*: Prometheus's own alert series
        String scraped = "{job=\"backoffice\", instance!=\"\", __name__!~\"ALERTS.*\"}";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "";
        long since = System.nanoTime();
        while (true) {
            JsonNode count = prometheus.query("count(" + scraped + ")");
            String now = count.isEmpty() ? "" : count.get(0).path("value").get(1).asText();
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            } else if (!now.isEmpty() && System.nanoTime() - since >= Duration.ofSeconds(10).toNanos()) {
                break;
            }
            assertThat(System.nanoTime()).as("series count of job backoffice unchanged for 10 s within 2 min; last %s",
                    last).isLessThan(deadline);
            pause(500);
        }
        build += String.format(", stable for 10 s at %.0f s after launch", (System.nanoTime() - launchedNanos) / 1e9);
        JsonNode total = prometheus.query("count by (instance) (" + scraped + ")");
        JsonNode runtruth = prometheus.query(
                "count by (instance) ({job=\"backoffice\", instance!=\"\", __name__=~\"runtruth_.+\"})");
        Map<String, String> byName = new TreeMap<>();
        prometheus.query("count by (__name__) (" + scraped + ")").forEach(s -> byName.put(
                s.path("metric").path("__name__").asText(), s.path("value").get(1).asText()));
        assertThat(total).as("series of job backoffice").hasSize(1);
        report.add("series per instance of the sample service (" + build + "): " + total.get(0).path("value").get(1)
                .asText() + " in all, " + runtruth.get(0).path("value").get(1).asText() + " runtruth_*; by metric: "
                + byName);
    }

    /**
     * The coverage contract end to end: the agent's {@code runtruth_framework_info} reached Prometheus with the
     * sample's framework captured and nothing else, and {@code runtruth serve}, reading it through Prometheus' API,
     * gives the instance {@code verdict} (polled: serve compares every second).
     */
    private void checkCoverage(PrometheusServer prometheus, String verdict) {
        // polled: the alert can resolve while the restarted instance's series are not scraped yet
        String captured = "runtruth_framework_info{job=\"backoffice\", framework=\"spring-webmvc\","
                + " state=\"captured\"}";
        String verdictQuery = "runtruth_verdict_info{service=\"backoffice\", verdict=\"" + verdict + "\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (prometheus.query(captured).isEmpty() || prometheus.query(verdictQuery).isEmpty()) {
            assertThat(System.nanoTime()).as("%s and %s within 60 s; frameworks: %s; verdicts: %s", captured,
                    verdictQuery, prometheus.query("runtruth_framework_info"),
                    prometheus.query("runtruth_verdict_info")).isLessThan(deadline);
            pause(250);
        }
        JsonNode frameworks = prometheus.query("runtruth_framework_info{job=\"backoffice\"}");
        frameworks.forEach(f -> assertThat(f.path("metric").path("state").asText())
                .as("state of %s", f.path("metric")).isEqualTo("captured"));
        report.add("coverage: " + frameworks.findValuesAsText("framework") + " captured; runtruth serve's verdict "
                + verdict);
    }

    /**
     * Asserts that {@code alert} is a loaded rule in good health that was never pending nor firing since Prometheus
     * started ({@code ALERTS} has a series for both states).
     */
    private void assertNeverAlerted(PrometheusServer prometheus, String alert) {
        List<String> health = new ArrayList<>();
        prometheus.ruleGroups().forEach(g -> g.path("rules").forEach(r -> {
            if (alert.equals(r.path("name").asText())) {
                health.add(r.path("health").asText() + " " + r.path("lastError").asText());
            }
        }));
        assertThat(health).as("rule %s loaded and evaluated", alert).containsExactly("ok ");
        JsonNode seen = prometheus.query("max_over_time(ALERTS{alertname=\"" + alert + "\"}[1h])");
        assertThat(seen).as("%s pending or firing during the test (healthy instances)", alert).isEmpty();
        report.add(alert + ": never pending nor firing on the healthy instances");
    }

    /** Runs every query of every panel of the Grafana dashboard; each must parse and (but for a few) return data. */
    private void checkDashboard(PrometheusServer prometheus) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(home.resolve("docs/grafana/runtruth-drift.json").toFile());
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries++;
                String expr = target.path("expr").asText().replace("$job", ".+").replace("$instance", ".+");
                String title = panel.path("title").asText() + " [" + target.path("refId").asText() + "]";
                try {
                    JsonNode result = target.path("instant").asBoolean()
                            ? prometheus.query(expr)
                            : prometheus.queryRange(expr, Duration.ofSeconds(60), Duration.ofSeconds(5));
                    if (result.isEmpty() && !MAY_BE_EMPTY.containsKey(panel.path("title").asText())) {
                        problems.add(title + ": no data for " + expr);
                    }
                } catch (AssertionError e) {
                    problems.add(title + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).as("dashboard queries that fail or return nothing").isEmpty();
        assertThat(queries).as("dashboard queries").isGreaterThan(10);
        report.add("dashboard: " + queries + " panel queries parsed and returned data (allowed empty: "
                + MAY_BE_EMPTY.keySet() + ")");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
