package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code runtruth verify} as a deployment gate over a real rollout: three instances of the sample service, each a JVM
 * with the agent on its own loopback address (127.0.0.1, .2, .3; same app port, same agent port), two on the demo's
 * OLD build and one on the NEW one, scraped by a real Prometheus (job {@code backoffice}). The instances are selected
 * three ways at once: agent URLs, the Prometheus job, and a DNS name whose three A records come from a hosts file
 * ({@code -Djdk.net.hosts.file}, the JDK's own resolver: the collector resolves it with {@code InetAddress} on every
 * poll).
 *
 * <p>First a short-timeout run per selection must exit 1 and name both stale instances with the routes each lacks;
 * the truth for those routes is what the NEW instance's {@code /actuator/mappings} lists and the OLD one's does not,
 * the truth for the commits the demo's scratch repository. Then a long run per selection must keep waiting while
 * printing 1/3, the test replaces the old instances one by one (stop, start the NEW build on the same address), and
 * every run must exit 0 once the last one serves the new routes. Waits are on conditions (progress lines, HTTP
 * answers, Prometheus queries), never fixed sleeps; each application JVM starts once.
 */
class VerifyIT {

    private static final String NAME = "backoffice.verify.test";
    private static final String[] ADDRESSES = {"127.0.0.1", "127.0.0.2", "127.0.0.3"};
    private static final Pattern COMMITS = Pattern.compile("old=(\\S+) (\\S+)\nnew=(\\S+) (\\S+)");

    private final Path home = Path.of(System.getProperty("runtruth.home", "..")).toAbsolutePath().normalize();
    private final Path work = Path.of("target", "verify-it").toAbsolutePath();
    private final List<String> report = new ArrayList<>();
    private String oldCommit;
    private Path oldJar;
    private String newCommit;
    private Path newJar;
    private int appPort;
    private int agentPort;
    private Path hosts;

    @Test
    void verifyHoldsTheRolloutUntilEveryInstanceServesTheNewBuild() throws IOException {
        boolean installed = PrometheusServer.executable("prometheus").isPresent();
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "prometheus is not on the PATH (apt-get install -y --no-install-recommends prometheus); skipped"
                        + " outside CI only");
        assertThat(installed).as("prometheus on the PATH (CI is set, so this test must run)").isTrue();
        deleteRecursively(work.resolve("data")); // a previous run's series would count as instances
        Files.createDirectories(work);
        sampleBuilds();
        appPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        int prometheusPort = TestJvm.freePort();
        hosts = work.resolve("hosts");
        StringBuilder records = new StringBuilder("# the headless Service's A records, one per instance\n");
        for (String address : ADDRESSES) {
            records.append(address).append(' ').append(NAME).append('\n');
        }
        Files.writeString(hosts, records);
        StringBuilder targets = new StringBuilder();
        for (String address : ADDRESSES) {
            targets.append(targets.length() == 0 ? "" : ", ").append("'").append(address).append(':')
                    .append(agentPort).append("'");
        }
        Files.writeString(work.resolve("prometheus.yml"), ""
                + "global:\n"
                + "  scrape_interval: 1s\n"
                + "  scrape_timeout: 1s\n"
                + "scrape_configs:\n"
                + "  - job_name: backoffice\n"  // the job IS the service (docs/prometheus.md)
                + "    static_configs: [{targets: [" + targets + "]}]\n");

        TestJvm[] fleet = new TestJvm[3];
        List<TestJvm> gates = new ArrayList<>();
        try (PrometheusServer prometheus = PrometheusServer.start(work, prometheusPort)) {
            fleet[0] = launch("verify-it-a-old", oldJar, 0);
            fleet[1] = launch("verify-it-b-old", oldJar, 1);
            fleet[2] = launch("verify-it-c-new", newJar, 2);
            for (int i = 0; i < 3; i++) {
                awaitReady(fleet[i], i);
            }
            Set<Route> lacking = new HashSet<>(mappings(2));
            lacking.removeAll(mappings(0));
            assertThat(lacking).as("routes the new build's actuator lists and the old one's does not").isNotEmpty();
            awaitScraped(prometheus, "count(runtruth_build_info{job=\"backoffice\"}) == 3");

            Map<String, List<String>> selections = selections(prometheus);
            for (Map.Entry<String, List<String>> selection : selections.entrySet()) {
                List<String> args = new ArrayList<>(selection.getValue());
                args.addAll(List.of("--timeout", "4s", "--interval", "1s"));
                if (selection.getKey().equals("agents")) {
                    args.addAll(List.of("--base-url", "http://" + ADDRESSES[0] + ":" + appPort));
                }
                OneShot run = OneShot.run("verify-it-short-" + selection.getKey(), Duration.ofMinutes(2),
                        collector(args));
                assertDriftReport(run, selection.getKey(), lacking);
            }

            for (Map.Entry<String, List<String>> selection : selections.entrySet()) {
                List<String> args = new ArrayList<>(selection.getValue());
                args.addAll(List.of("--timeout", "5m", "--interval", "1s"));
                List<String> command = collector(args);
                gates.add(TestJvm.builder("verify-it-gate-" + selection.getKey(), Jdks.current())
                        .jvmArgs(command.get(1)).jar(Artifacts.collectorJar()).args(args).start());
            }
            for (TestJvm gate : gates) {
                awaitLine(gate, l -> l.contains("] 1/3 instances on commit " + shortCommit(newCommit) + ", 1/3"
                        + " converged; "), Duration.ofMinutes(2));
            }
            fleet[0].close();
            fleet[0] = launch("verify-it-a-new", newJar, 0);
            awaitReady(fleet[0], 0);
            for (TestJvm gate : gates) {
                awaitLine(gate, l -> l.contains(" 2/3 converged"), Duration.ofMinutes(1));
                assertThat(gate.exitCode()).as("%s still waiting with one old instance%n%s", gate, gate.describe())
                        .isEmpty();
            }
            fleet[1].close();
            fleet[1] = launch("verify-it-b-new", newJar, 1);
            long turned = awaitReady(fleet[1], 1);
            Map<String, Long> noticed = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(selections.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (noticed.size() < gates.size()) {
                for (int i = 0; i < gates.size(); i++) {
                    if (!noticed.containsKey(names.get(i)) && gates.get(i).exitCode().isPresent()) {
                        noticed.put(names.get(i), System.nanoTime());
                    }
                }
                assertThat(System.nanoTime()).as("every gate exits within 2 min of the last replacement").isLessThan(
                        deadline);
                pause(50);
            }
            for (int i = 0; i < gates.size(); i++) {
                TestJvm gate = gates.get(i);
                assertThat(gate.exitCode()).as(gate.describe()).hasValue(0);
                List<String> out = gate.stdoutLines();
                assertThat(out.get(out.size() - 1)).as(gate.describe()).matches("CONVERGED: 3/3 instances run commit "
                        + shortCommit(newCommit) + " and serve all \\d+ expected routes \\(.*");
                report.add(String.format("%s: exit 0, noticed %.1f s after the last new instance answered"
                        + " /actuator/health 200", names.get(i), (noticed.get(names.get(i)) - turned) / 1e9));
                report.add("  " + String.join("\n  ", out));
            }
        } finally {
            gates.forEach(TestJvm::close);
            for (TestJvm jvm : fleet) {
                if (jvm != null) {
                    jvm.close();
                }
            }
            String text = String.join("\n", report);
            System.out.println("[verify-it]\n" + text);
            Files.writeString(work.resolve("measurements.txt"), text + "\n");
        }
    }

    /** The three ways to select the fleet, each as {@code verify} arguments after {@code --expected}. */
    private Map<String, List<String>> selections(PrometheusServer prometheus) {
        Map<String, List<String>> selections = new LinkedHashMap<>();
        List<String> agents = new ArrayList<>(List.of("verify", "--expected", newJar.toString()));
        for (String address : ADDRESSES) {
            agents.addAll(List.of("--agent", "http://" + address + ":" + agentPort));
        }
        selections.put("agents", agents);
        selections.put("prometheus", List.of("verify", "--expected", newJar.toString(), "--prometheus",
                prometheus.url(), "--service", "backoffice"));
        selections.put("dns", List.of("verify", "--expected", newJar.toString(), "--dns", NAME, "--agent-port",
                Integer.toString(agentPort)));
        return selections;
    }

    /** The exit-1 report names both stale instances, their commit and exactly the routes each lacks. */
    private void assertDriftReport(OneShot run, String selection, Set<Route> lacking) {
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        List<String> lines = run.stdout().lines().toList();
        List<String> progress = lines.stream().filter(l -> l.startsWith("[")).toList();
        assertThat(progress).as(run.describe()).isNotEmpty().allMatch(l -> l.contains("] 1/3 instances on commit "
                + shortCommit(newCommit) + ", 1/3 converged; " + lacking.size() + " routes missing on 2 instances"));
        for (int i = 0; i < 3; i++) {
            String name = instanceName(selection, i);
            int at = lines.indexOf(name + ": commit " + oldCommit + ", expected " + newCommit);
            if (i == 2) {
                assertThat(at).as("the new instance %s has no drift block%n%s", name, run.describe()).isNegative();
                assertThat(lines).as(run.describe()).anyMatch(l -> l.matches(Pattern.quote(name) + " +"
                        + shortCommit(newCommit) + " +converged +0 +0"));
                continue;
            }
            assertThat(at).as("drift block of %s%n%s", name, run.describe()).isNotNegative();
            Set<Route> missing = new HashSet<>();
            for (int j = at + 1; j < lines.size() && lines.get(j).startsWith("  MISSING "); j++) {
                missing.add(Route.parse(lines.get(j).substring("  MISSING ".length()).trim()));
            }
            assertThat(missing).as("routes %s lacks%n%s", name, run.describe()).isEqualTo(lacking);
        }
        assertThat(lines.get(lines.size() - 1)).as(run.describe()).matches("DRIFT: timed out after 4\\.0 s \\(\\d+"
                + " polls\\): 2 of 3 instances do not run what the build declares \\(listed above\\)");
        if (selection.equals("agents")) {
            assertThat(lines).as(run.describe()).anyMatch(l -> l.startsWith("ladder for " + instanceName(selection, 0)
                    + " (") && l.contains("BROKEN AT RUNTIME: the running process lacks " + lacking.size()
                    + " routes"));
        }
        report.add("short run (" + selection + "): exit 1\n  " + String.join("\n  ", lines));
    }

    private String instanceName(String selection, int i) {
        String hostPort = ADDRESSES[i] + ":" + agentPort;
        return switch (selection) {
            case "agents" -> "http://" + hostPort + "/metrics";
            case "prometheus" -> "backoffice/" + hostPort;
            default -> hostPort;
        };
    }

    /** @return {@code java [-Djdk.net.hosts.file=...] -jar collector.jar ARGS}: the DNS name resolves through hosts */
    private List<String> collector(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Jdks.java(Jdks.current()).toString());
        command.add("-Djdk.net.hosts.file=" + hosts);
        command.add("-jar");
        command.add(Artifacts.collectorJar().toString());
        command.addAll(args);
        return command;
    }

    private TestJvm launch(String name, Path jar, int index) {
        String address = ADDRESSES[index];
        return TestJvm.builder(name, Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=" + address).jar(jar)
                .args("--server.port=" + appPort, "--server.address=" + address).start();
    }

    /** @return {@link System#nanoTime()} when the instance answered both its health check and its agent */
    private long awaitReady(TestJvm jvm, int index) {
        jvm.awaitHttp200("http://" + ADDRESSES[index] + ":" + appPort + "/actuator/health", Duration.ofMinutes(2));
        long ready = System.nanoTime();
        jvm.awaitHttp200("http://" + ADDRESSES[index] + ":" + agentPort + "/metrics", Duration.ofSeconds(20));
        return ready;
    }

    private Set<Route> mappings(int index) throws IOException {
        return ActuatorMappings.read("http://" + ADDRESSES[index] + ":" + appPort + "/actuator/mappings", "");
    }

    private static void awaitScraped(PrometheusServer prometheus, String promql) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (prometheus.query(promql).isEmpty()) {
            assertThat(System.nanoTime()).as("%s within 1 min; targets %s", promql, prometheus.targets())
                    .isLessThan(deadline);
            pause(250);
        }
    }

    private static void awaitLine(TestJvm gate, Predicate<String> line, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (gate.stdoutLines().stream().noneMatch(line)) {
            if (gate.exitCode().isPresent() || System.nanoTime() > deadline) {
                fail("no such progress line within %s (exit %s)%n%s", timeout, gate.exitCode(), gate.describe());
            }
            pause(100);
        }
    }

    /** Builds (or reuses, with DemoIT and LadderIT) the demo's old and new sample jars. */
    private void sampleBuilds() {
        Path demoWork = Path.of("target", "demo-it").toAbsolutePath();
        OneShot build = OneShot.run("verify-it-sample-build", Duration.ofMinutes(10), List.of(
                Jdks.java(Jdks.current()).toString(), "-cp", Artifacts.collectorJar().toString(),
                "dev.runtruth.collector.demo.SampleJars", home.toString(), demoWork.toString()));
        assertThat(build.exitCode()).as(build.describe()).isZero();
        Matcher m = COMMITS.matcher(build.stdout());
        assertThat(m.find()).as(build.describe()).isTrue();
        oldCommit = m.group(1);
        oldJar = Path.of(m.group(2));
        newCommit = m.group(3);
        newJar = Path.of(m.group(4));
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

    private static String shortCommit(String commit) {
        return commit.substring(0, Math.min(12, commit.length()));
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
