package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules on healthy services, in a real Prometheus: a Spring Boot 4.1 + Tomcat service ({@code boot},
 * watched by {@code runtruth serve} with its own jar as the expected build) and a Dropwizard 4 / Jetty 11 service
 * ({@code dropwizard}), and a third-party server: Spring Boot Admin 3.5 from Maven Central on Spring Boot 3.5 +
 * Tomcat ({@code admin}, watched by {@code serve} too, its routes those of the library). Once every instance's agent
 * says {@code runtruth_inventory_info{state="ready"}}, every alert
 * expression of {@code docs/prometheus/runtruth-rules.yml} must evaluate to nothing for them (queried through
 * Prometheus' HTTP API), and none may ever have been pending or firing. The true positive beside them: a service
 * ({@code rebuilt}) of two instances, one running the Boot jar, one a copy whose nested tomcat-embed-core jar was
 * rebuilt (same version, other bytes, as an image rebuilt under the same tag): {@code RuntruthMixedClasspath} must
 * fire for artifact {@code tomcat-embed-core} and for nothing else, while tomcat-embed-el and -websocket, which share
 * its manifest title "Apache Tomcat", stay quiet.
 *
 * <p>The rules are shortened by the sed one-liner docs/prometheus.md gives (read from that page and run as is), so
 * the test also proves that command.
 */
class PrometheusHealthyServicesIT {

    private static final Set<String> HEALTHY = Set.of("boot", "dropwizard", "admin");
    private static final String HEALTHY_ALERTS = "ALERTS{job=~\"boot|dropwizard|admin\"}"
            + " or ALERTS{service=~\"boot|dropwizard|admin\"}";
    /** Tomcat's jars carry no pom.properties: the artifact is the file name without version (docs/metrics.md). */
    private static final String TOMCAT_CORE = "tomcat-embed-core";
    private static final Pattern SED = Pattern.compile("```sh\\n(sed [^\\n]*runtruth-rules-fast\\.yml)\\n```");

    private final Path home = Path.of(System.getProperty("runtruth.home", "..")).toAbsolutePath().normalize();
    private final Path work = Path.of("target", "prometheus-healthy-it").toAbsolutePath();
    private final List<String> report = new ArrayList<>();

    @Test
    void noAlertOnHealthyServicesAndMixedClasspathOnARebuiltJar() throws Exception {
        boolean installed = PrometheusServer.executable("prometheus").isPresent();
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "prometheus is not on the PATH; skipped outside CI only");
        assertThat(installed).as("prometheus on the PATH (CI is set)").isTrue();
        deleteRecursively(work);
        Files.createDirectories(work);
        fastRules();
        Path bootJar = Artifacts.app("boot41-web");
        Path rebuiltJar = rebuildNestedJar(bootJar, work.resolve("boot41-web-rebuilt.jar"), TOMCAT_CORE + "-");

        Path adminJar = Artifacts.app("boot35-admin");
        int[] agents = {TestJvm.freePort(), TestJvm.freePort(), TestJvm.freePort(), TestJvm.freePort(),
                TestJvm.freePort()};
        int collectorPort = TestJvm.freePort();
        int prometheusPort = TestJvm.freePort();
        Files.writeString(work.resolve("prometheus.yml"), ""
                + "global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}\n"
                + "rule_files: [runtruth-rules-fast.yml]\n"
                + "scrape_configs:\n"
                + "  - job_name: boot\n"
                + "    static_configs: [{targets: ['127.0.0.1:" + agents[0] + "']}]\n"
                + "  - job_name: dropwizard\n"
                + "    static_configs: [{targets: ['127.0.0.1:" + agents[1] + "']}]\n"
                + "  - job_name: rebuilt\n"
                + "    static_configs: [{targets: ['127.0.0.1:" + agents[2] + "', '127.0.0.1:" + agents[3] + "']}]\n"
                + "  - job_name: admin\n"
                + "    static_configs: [{targets: ['127.0.0.1:" + agents[4] + "']}]\n"
                + "  - job_name: runtruth-collector\n"
                + "    static_configs: [{targets: ['127.0.0.1:" + collectorPort + "']}]\n");
        Path serveConfig = work.resolve("serve.yml");
        Files.writeString(serveConfig, ""
                + "listen: 127.0.0.1:" + collectorPort + "\n"
                + "interval: 1s\n"
                + "services:\n"
                + "  boot:\n"
                + "    expected:\n"
                + "      path: " + bootJar + "\n"
                + "    observed:\n"
                + "      prometheus: http://127.0.0.1:" + prometheusPort + "\n"
                + "    ignore: ['/fn/**', '/late/**']\n"  // routes built in code: no build output declares them
                + "  admin:\n"
                + "    expected:\n"
                + "      path: " + adminJar + "\n"
                + "    observed:\n"
                + "      prometheus: http://127.0.0.1:" + prometheusPort + "\n"
                + "    ignore: ['/fn/**', '/late/**']\n");

        try (PrometheusServer prometheus = PrometheusServer.start(work, prometheusPort);
             TestJvm collector = TestJvm.builder("healthy-it-collector", Jdks.current())
                     .jar(Artifacts.collectorJar()).args("serve", serveConfig.toString()).start();
             TestJvm boot = boot("healthy-it-boot", bootJar, agents[0]);
             TestJvm dropwizard = dropwizard(agents[1]);
             TestJvm rebuiltA = boot("healthy-it-rebuilt-a", bootJar, agents[2]);
             TestJvm rebuiltB = boot("healthy-it-rebuilt-b", rebuiltJar, agents[3]);
             TestJvm admin = boot("healthy-it-admin", adminJar, agents[4])) {
            long launched = System.nanoTime();
            Supplier<String> state = () -> prometheus.query("runtruth_inventory_info") + "\n" + prometheus.targets()
                    + "\n" + boot.describe() + "\n" + dropwizard.describe() + "\n" + admin.describe();
            await("every instance's agent reports ready", Duration.ofMinutes(3), state,
                    () -> prometheus.query("runtruth_inventory_info{state=\"ready\"}").size() == 5);
            // alerts rightly pending or firing while the JVMs started (serve expects admin before its agent answers;
            // the shortened `for` of 5 and 10 s does not ride that out) resolve within a few rule evaluations
            await("startup alerts of the healthy services resolved", Duration.ofMinutes(1),
                    () -> prometheus.query(HEALTHY_ALERTS).toString(), () -> prometheus.query(HEALTHY_ALERTS).isEmpty());
            long readyAt = System.nanoTime();
            report.add(String.format("all 5 instances ready in Prometheus %.1f s after every app answered (Spring context + Tomcat,"
                    + " Jetty)", (System.nanoTime() - launched) / 1e9));
            await("serve compares boot and admin", Duration.ofMinutes(2), () -> prometheus.query("runtruth_verdict_info")
                    .toString(), () -> prometheus.query("runtruth_verdict_info{service=~\"boot|admin\"}").size() == 2);
            await("RuntruthMixedClasspath firing for the rebuilt tomcat-embed-core", Duration.ofMinutes(3),
                    () -> prometheus.alerts().toString(), () -> firing(prometheus, "RuntruthMixedClasspath", "rebuilt")
                            .contains(TOMCAT_CORE));
            report.add(String.format("RuntruthMixedClasspath firing for rebuilt/%s %.1f s after launch", TOMCAT_CORE,
                    (System.nanoTime() - launched) / 1e9));
            // the fat jar itself differs too (it holds the rebuilt nested jar), and it is a jar the launcher's classes
            // load from: its identity is its own pom.properties
            String appArtifact = pomArtifact(bootJar);
            assertThat(firing(prometheus, "RuntruthMixedClasspath", "rebuilt")).as("artifacts that differ")
                    .contains(TOMCAT_CORE).isSubsetOf(TOMCAT_CORE, appArtifact);

            List<String> problems = new ArrayList<>();
            int alerts = 0;
            for (JsonNode group : prometheus.ruleGroups()) {
                for (JsonNode rule : group.path("rules")) {
                    if (!"alerting".equals(rule.path("type").asText())) {
                        continue;
                    }
                    alerts++;
                    assertThat(rule.path("health").asText()).as("health of %s", rule.path("name")).isEqualTo("ok");
                    for (JsonNode series : prometheus.query(rule.path("query").asText())) {
                        if (HEALTHY.contains(series.path("metric").path("job").asText())
                                || HEALTHY.contains(series.path("metric").path("service").asText())) {
                            problems.add(rule.path("name").asText() + ": " + series.path("metric"));
                        }
                    }
                }
            }
            assertThat(problems).as("alert expressions with a result for a healthy service").isEmpty();
            assertThat(alerts).as("alerting rules loaded").isGreaterThanOrEqualTo(10);
            // since every instance was ready and the startup alerts resolved: before, while the JVMs started,
            // RuntruthAgentDown and RuntruthAgentAbsent are rightly pending (serve already expects the service, its
            // agent does not answer yet; the shipped `for` of 5 and 10 minutes rides that out, the shortened 5 and
            // 10 s do not)
            long window = (System.nanoTime() - readyAt) / 1_000_000_000L + 1;
            JsonNode ever = prometheus.query("max_over_time(ALERTS{job=~\"boot|dropwizard|admin\"}[" + window + "s])"
                    + " or max_over_time(ALERTS{service=~\"boot|dropwizard|admin\"}[" + window + "s])");
            assertThat(ever).as("alerts pending or firing for the healthy services in the %s s since all were ready",
                    window).isEmpty();
            report.add("all " + alerts + " alert expressions empty for boot (Spring Boot 4.1 + Tomcat, watched by"
                    + " serve), dropwizard (Dropwizard 4 + Jetty 11) and admin (Spring Boot Admin 3.5, watched by serve); none"
                    + " ever pending");
        } finally {
            System.out.println("[prometheus-healthy-it]\n" + String.join("\n", report));
        }
    }

    /** Runs the sed one-liner of docs/prometheus.md in the work directory on a copy of the shipped rules. */
    private void fastRules() throws IOException, InterruptedException {
        String doc = Files.readString(home.resolve("docs/prometheus.md"), StandardCharsets.UTF_8);
        Matcher sed = SED.matcher(doc);
        assertThat(sed.find()).as("a ```sh block with the sed one-liner in docs/prometheus.md").isTrue();
        Files.copy(home.resolve("docs/prometheus/runtruth-rules.yml"), work.resolve("runtruth-rules.yml"));
        OneShot run = OneShot.run("healthy-it-sed", Duration.ofSeconds(30), List.of("sh", "-c",
                "cd '" + work + "' && " + sed.group(1)));
        assertThat(run.exitCode()).as(run.describe()).isZero();
        String fast = Files.readString(work.resolve("runtruth-rules-fast.yml"), StandardCharsets.UTF_8);
        assertThat(fast).as("no for/keep_firing_for in minutes left").doesNotContainPattern("(for|keep_firing_for): \\d+m");
        assertThat(fast).contains("for: 30s").contains("for: 5s");
    }

    private TestJvm boot(String name, Path jar, int agentPort) {
        int appPort = TestJvm.freePort();
        TestJvm jvm = TestJvm.builder(name, Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1").jar(jar)
                .args("--server.port=" + appPort, "--server.address=127.0.0.1").start();
        return started(jvm, "http://127.0.0.1:" + appPort + "/actuator/health");
    }

    private TestJvm dropwizard(int agentPort) {
        int appPort = TestJvm.freePort();
        TestJvm jvm = TestJvm.builder("healthy-it-dropwizard", Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1")
                .jvmArgs("-Ddw.server.applicationConnectors[0].port=" + appPort,
                        "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                        "-Ddw.server.adminConnectors[0].port=" + TestJvm.freePort(),
                        "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1",
                        "-Ddw.server.applicationContextPath=/app")
                .jar(Artifacts.app("dropwizard4")).args("server").start();
        return started(jvm, "http://127.0.0.1:" + appPort + Dropwizard4IT.BASE + "/things");
    }

    private static TestJvm started(TestJvm jvm, String url) {
        try {
            return jvm.awaitHttp200(url, Duration.ofMinutes(2));
        } catch (AssertionError e) {
            jvm.close();
            throw e;
        }
    }

    /** @return groupId:artifactId of the one META-INF/maven/../pom.properties at the root of {@code jar} */
    private static String pomArtifact(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    java.util.Properties pom = new java.util.Properties();
                    try (InputStream in = zip.getInputStream(entry)) {
                        pom.load(in);
                    }
                    return pom.getProperty("groupId") + ":" + pom.getProperty("artifactId");
                }
            }
        }
        throw new AssertionError("no pom.properties in " + jar);
    }

    /** @return the {@code artifact} labels of the firing alerts of that name for that job */
    private static Set<String> firing(PrometheusServer prometheus, String alert, String job) {
        Set<String> out = new TreeSet<>();
        prometheus.alerts().forEach(a -> {
            if (alert.equals(a.path("labels").path("alertname").asText())
                    && job.equals(a.path("labels").path("job").asText())
                    && "firing".equals(a.path("state").asText())) {
                out.add(a.path("labels").path("artifact").asText());
            }
        });
        return out;
    }

    private static void await(String what, Duration timeout, Supplier<String> state, Supplier<Boolean> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.get()) {
            assertThat(System.nanoTime()).as("%s within %s; now: %s", what, timeout, state.get()).isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Copies a Spring Boot fat jar, rebuilding the one nested jar whose name starts with {@code prefix}: the same
     * entries plus one more, so the same artifact and version with other bytes (another SHA-256). Nested jars stay
     * STORED, as Spring Boot's loader requires.
     */
    static Path rebuildNestedJar(Path fatJar, Path target, String prefix) throws IOException {
        boolean rebuilt = false;
        try (ZipFile in = new ZipFile(fatJar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                String name = entry.getName();
                if (name.startsWith(FatJar.LIB + prefix) && name.endsWith(".jar")) {
                    bytes = withExtraEntry(bytes);
                    rebuilt = true;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                if (entry.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(rebuilt).as("a nested %s*.jar in %s", prefix, fatJar).isTrue();
        return target;
    }

    private static byte[] withExtraEntry(byte[] jar) throws IOException {
        Path in = Files.createTempFile("nested", ".jar");
        try {
            Files.write(in, jar);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ZipFile zip = new ZipFile(in.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream stream = zip.getInputStream(entry)) {
                        stream.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry("META-INF/rebuilt-by-runtruth-it.txt"));
                out.write("same version, other bytes\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return bytes.toByteArray();
        } finally {
            Files.delete(in);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
