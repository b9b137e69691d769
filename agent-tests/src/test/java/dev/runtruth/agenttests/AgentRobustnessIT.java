package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: an agent that cannot do its job costs the app nothing. Every case runs a real app in its own JVM,
 * on the JDK running the tests (17) and on Temurin 25, and asserts that the app starts and serves and that the agent
 * says why in exactly one {@code [runtruth] WARN} line.
 *
 * <p>Apps: the sample service (Spring Boot 3.5) where a real framework capture is needed; a Spring MVC app whose handler
 * mapping refuses to list its handler methods ({@code agent-tests/apps/fault-spring}) for failures inside a capture
 * (real faults: the agent ships no fault switch); else the fault host ({@code agent-tests/apps/fault-host}), which
 * starts in well under a second and serves without {@code jdk.httpserver}.
 */
class AgentRobustnessIT {

    private static final String PREFIX = "[runtruth]";
    private static final Duration START = AbstractSpringAppIT.START_TIMEOUT;

    static Stream<Named<Path>> jdks() {
        List<Named<Path>> jdks = new ArrayList<>();
        jdks.add(Named.of("jdk" + Runtime.version().feature(), Jdks.current()));
        Optional<Path> temurin25 = Jdks.temurin25();
        temurin25.ifPresent(home -> jdks.add(Named.of("temurin25", home)));
        return jdks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void malformedOptionsLeaveTheAppRunning(Path jdk) {
        int agentPort = TestJvm.freePort();
        try (TestJvm jvm = startSample("robust-bad-options", jdk,
                "port=" + agentPort + ",host=127.0.0.1,bogus,classpath=some,max_routes=lots")) {
            String line = oneWarning(jvm);
            assertThat(line).as(jvm.describe()).contains("bogus").contains("classpath='some'")
                    .contains("max_routes='lots'");
            assertThat(scrape(agentPort, jvm).buildInfo()).as("the good options still apply").hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void busyPortLeavesTheAppRunning(Path jdk) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            try (TestJvm jvm = startSample("robust-busy-port", jdk, "port=" + port + ",host=127.0.0.1,service=busy")) {
                assertThat(oneWarning(jvm).toLowerCase(Locale.ROOT)).as(jvm.describe())
                        .contains(String.valueOf(port)).containsAnyOf("in use", "bind");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anUnwritableDumpPathLeavesTheAppAndTheEndpointRunning(Path jdk) throws IOException {
        // the parent is a regular file: no user, root included, can create the manifest there
        Path notADirectory = Files.createTempFile("runtruth-dump-parent", ".txt");
        Path dump = notADirectory.resolve("manifest.json");
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultHost("robust-dump", jdk, "plain", "/",
                "port=" + agentPort + ",host=127.0.0.1,dump=" + dump)) {
            assertThat(scrape(agentPort, host.jvm()).buildInfo()).hasSize(1);
            assertThat(oneWarning(host.jvm())).as(host.jvm().describe())
                    .contains("cannot write the route manifest to " + dump);
        } finally {
            Files.deleteIfExists(notADirectory);
        }
    }

    /**
     * A handler mapping that throws when asked for its handler methods (agent-tests/apps/fault-spring, mode
     * {@code every-mapping}: it is the dispatcher servlet's only mapping) costs the Spring MVC routes, one warning and a
     * {@code runtruth_capture_errors_total} increment, never the application; the framework reads {@code failed}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anExceptionInsideCaptureIsCountedAndTheAppServes(Path jdk) throws IOException {
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultSpring("robust-fail-capture", jdk, "every-mapping",
                "port=" + agentPort + ",host=127.0.0.1")) {
            scrape(agentPort, host.jvm());
            // the registry's collectors are unordered: the failure counted while reading routes in one scrape may
            // be exported by the next
            AgentScrape metrics = scrape(agentPort, host.jvm());
            assertThat(metrics.captureErrors()).as(metrics.text()).isGreaterThanOrEqualTo(1);
            assertThat(metrics.routes()).as("spring-webmvc routes are lost, the rest stay")
                    .noneMatch(r -> r.framework().equals("spring-webmvc"));
            assertThat(metrics.frameworkState("spring-webmvc")).as(metrics.text()).isEqualTo("failed");
            assertThat(oneWarning(host.jvm())).as(host.jvm().describe())
                    .contains("could not read the handler mapping", "RefusingMapping",
                            "this handler mapping does not list its handler methods");
            assertThat(TestJvm.get(host.url("/hello/x")).body()).as("the app serves on").isEqualTo("hello x\n");
            // the verdict a user gets: never NO DRIFT (0), and not DRIFT (1) either: the agent could not look
            OneShot check = OneShot.run("robust-fail-capture-check", Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "check", "--expected", Artifacts.app("fault-spring").toString(),
                    "--agent", "http://127.0.0.1:" + agentPort + "/metrics"));
            assertThat(check.exitCode()).as(check.describe()).isEqualTo(4);
            assertThat(check.stdout()).as(check.describe()).contains("not seen:", "spring-webmvc",
                    "failed: no routes read", "CANNOT TELL");
        }
    }

    /**
     * A read that loses a part (fault-spring's {@code one-mapping}: a refusing mapping beside a plain one): the plain
     * mapping's routes are kept, the framework reads partial, and check cannot tell.
     */
    @Test
    void aPartialCaptureReadsPartialAndCheckCannotTell() {
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultSpring("robust-partial-capture", Jdks.current(), "one-mapping",
                "port=" + agentPort + ",host=127.0.0.1")) {
            scrape(agentPort, host.jvm());
            AgentScrape metrics = scrape(agentPort, host.jvm());
            assertThat(metrics.routes()).as("the plain mapping's routes are kept").anyMatch(r -> r.framework()
                    .equals("spring-webmvc") && r.template().equals("/hello/{name}"));
            assertThat(metrics.frameworkState("spring-webmvc")).as(metrics.text()).isEqualTo("partial");
            OneShot check = OneShot.run("robust-partial-capture-check", Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "check", "--expected", Artifacts.app("fault-spring").toString(),
                    "--agent", "http://127.0.0.1:" + agentPort + "/metrics"));
            assertThat(check.exitCode()).as(check.describe()).isEqualTo(4);
            assertThat(check.stdout()).as(check.describe()).contains("no missing or unexpected routes",
                    "spring-webmvc", "partial: routes read, but a part failed", "CANNOT TELL");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anUnsupportedSpringVersionIsNamedOnce(Path jdk) throws IOException {
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultHost("robust-spring52", jdk, "spring52", "/hello",
                "port=" + agentPort + ",host=127.0.0.1")) {
            scrape(agentPort, host.jvm());
            // a second read must not warn again; its capture error count includes the first read's
            AgentScrape metrics = scrape(agentPort, host.jvm());
            assertThat(metrics.routes()).as(metrics.text()).noneMatch(r -> r.framework().equals("spring-webmvc"));
            assertThat(oneWarning(host.jvm())).as(host.jvm().describe()).contains("unsupported spring-webmvc version");
            // counted, and the framework reads failed: never a silent zero
            assertThat(metrics.captureErrors()).as(metrics.text()).isGreaterThanOrEqualTo(1);
            assertThat(metrics.frameworkState("spring-webmvc")).as(metrics.text()).isEqualTo("failed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aRuntimeWithoutJdkHttpServerRunsTheAppWithoutMetrics(Path jdk) throws IOException, InterruptedException {
        Path runtime = FaultRuntimes.withoutHttpServer(jdk);
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultHost("robust-no-httpserver", runtime, "plain", "/",
                "port=" + agentPort + ",host=127.0.0.1")) {
            assertThat(oneWarning(host.jvm())).as(host.jvm().describe()).contains("cannot serve metrics")
                    .contains("com/sun/net/httpserver").contains("lacks the module jdk.httpserver");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSecondAgentOfAnotherVersionIsIgnored(Path jdk) throws IOException {
        Path other = FaultRuntimes.agentCopy(Artifacts.agentJar(), "9.9.9-other");
        int firstPort = TestJvm.freePort();
        int secondPort = TestJvm.freePort();
        String secondOptions = "port=" + secondPort + ",host=127.0.0.1";
        try (Host host = startFaultHost("robust-two-agents", jdk, "plain", "/",
                "port=" + firstPort + ",host=127.0.0.1", "-javaagent:" + other + "=" + secondOptions)) {
            AgentScrape metrics = scrape(firstPort, host.jvm());
            String first = FaultRuntimes.version(Artifacts.agentJar());
            assertThat(metrics.series("runtruth_agent_info")).as(metrics.text()).hasSize(1)
                    .allMatch(s -> s.labels().get("version").equals(first));
            assertThat(oneWarning(host.jvm())).as(host.jvm().describe()).contains("second Runtruth agent")
                    .contains(secondOptions).contains(first);
            assertThat(reachable("http://127.0.0.1:" + secondPort + "/metrics")).as("second endpoint").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theAppsOwnClientJavaByteBuddyAndJacksonAreUntouched(Path jdk) throws IOException {
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultHost("robust-own-libs", jdk, "libs", "/",
                "port=" + agentPort + ",host=127.0.0.1")) {
            String appMetrics = TestJvm.get(host.url("/metrics")).body();
            assertThat(appMetrics).as("the app's own client_java 1.3.10 default registry")
                    .contains("faulthost_requests_total").contains("prometheus-metrics-core-1.3.10")
                    .doesNotContain("runtruth_");
            AgentScrape agent = scrape(agentPort, host.jvm());
            assertThat(agent.text()).contains("runtruth_agent_info").doesNotContain("faulthost_");
            assertThat(TestJvm.get(host.url("/bytebuddy")).body()).as("the app's own ByteBuddy makes classes")
                    .contains("made by byte-buddy byte-buddy-1.14.18.jar (net.bytebuddy.ByteBuddy)");
            assertThat(TestJvm.get(host.url("/jackson")).body()).contains("{\"jackson\":\"2.17.2\"}");
            assertThat(runtruthLines(host.jvm(), Duration.ofSeconds(1))).as(host.jvm().describe()).isEmpty();
        }
    }

    /**
     * The constructor hook's fault, under {@code discovery=hooks} (every family hooked, as the families whose walk is
     * not proven still are): a hooked type in a loader that cannot see the agent is not hooked, one warning.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFrameworkInAnIsolatedClassLoaderIsNotHookedAndServes(Path jdk) {
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultHost("robust-isolated", jdk, "isolated", "/hello.txt",
                "port=" + agentPort + ",host=127.0.0.1,discovery=hooks")) {
            AgentScrape metrics = scrape(agentPort, host.jvm());
            assertThat(metrics.captureErrors()).isZero();
            assertThat(oneWarning(host.jvm())).as(host.jvm().describe())
                    .contains("not hooking org.apache.catalina.core.StandardContext")
                    .contains("does not delegate");
        }
    }

    /**
     * Hook-free discovery (the default): Tomcat's context in the isolated loader needs no hook linked into that
     * loader; the walk finds it and its servlet is read like any other: captured, no warning.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFrameworkInAnIsolatedClassLoaderIsFoundByDiscovery(Path jdk) throws IOException {
        int agentPort = TestJvm.freePort();
        try (Host host = startFaultHost("robust-isolated-walk", jdk, "isolated", "/hello.txt",
                "port=" + agentPort + ",host=127.0.0.1")) {
            AgentScrape metrics = scrape(agentPort, host.jvm());
            assertThat(metrics.captureErrors()).as(metrics.text()).isZero();
            assertThat(metrics.routes()).as(metrics.text()).anyMatch(r -> r.framework().equals("servlet")
                    && r.handler().endsWith("DefaultServlet"));
            assertThat(metrics.frameworkState("tomcat")).as(metrics.text()).isEqualTo("captured");
            assertThat(runtruthLines(host.jvm(), Duration.ofSeconds(1))).as(host.jvm().describe()).isEmpty();
        }
    }

    // --- starting the apps

    private static TestJvm startSample(String name, Path jdk, String agentOptions, String... jvmArgs) {
        int httpPort = TestJvm.freePort();
        TestJvm jvm = TestJvm.builder(name + "-" + jdk.getFileName(), jdk)
                .agent(Artifacts.agentJar(), agentOptions)
                .jvmArgs(jvmArgs)
                .jar(Artifacts.app("backoffice"))
                .args("--server.port=" + httpPort)
                .start();
        return ready(jvm, "http://127.0.0.1:" + httpPort + "/actuator/health");
    }

    private static Host startFaultHost(String name, Path runtime, String mode, String readyPath,
            String agentOptions, String... jvmArgs) {
        int httpPort = TestJvm.freePort();
        Path jar = Artifacts.app("fault-host");
        TestJvm jvm = TestJvm.builder(name + "-" + runtime.getFileName(), runtime)
                .agent(Artifacts.agentJar(), agentOptions)
                .jvmArgs(jvmArgs)
                .jar(jar)
                .args(mode, "--port=" + httpPort, "--isolated=" + jar.resolveSibling("isolated"))
                .start();
        return new Host(ready(jvm, "http://127.0.0.1:" + httpPort + readyPath), httpPort);
    }

    private static Host startFaultSpring(String name, Path runtime, String mode, String agentOptions) {
        int httpPort = TestJvm.freePort();
        TestJvm jvm = TestJvm.builder(name + "-" + runtime.getFileName(), runtime)
                .agent(Artifacts.agentJar(), agentOptions)
                .jar(Artifacts.app("fault-spring"))
                .args(mode, "--port=" + httpPort)
                .start();
        return new Host(ready(jvm, "http://127.0.0.1:" + httpPort + "/hello"), httpPort);
    }

    /** A running fault host and its HTTP port. */
    private record Host(TestJvm jvm, int port) implements AutoCloseable {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        @Override
        public void close() {
            jvm.close();
        }
    }

    private static TestJvm ready(TestJvm jvm, String url) {
        try {
            return jvm.awaitHttp200(url, START);
        } catch (RuntimeException | AssertionError e) {
            jvm.close();
            throw e;
        }
    }

    private static AgentScrape scrape(int agentPort, TestJvm jvm) {
        String url = "http://127.0.0.1:" + agentPort + "/metrics";
        Instant deadline = Instant.now().plusSeconds(20);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return AgentScrape.scrape(url);
            } catch (IOException e) {
                last = e;
                sleep(200);
            }
        }
        throw new AssertionError("no agent metrics at " + url + ": " + last + "\n" + jvm.describe());
    }

    private static boolean reachable(String url) {
        try {
            HttpResponse<String> response = TestJvm.get(url);
            return response.statusCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    // --- the agent's lines

    /** @return the one line the agent printed; fails when there are none or several */
    private static String oneWarning(TestJvm jvm) {
        List<String> lines = runtruthLines(jvm, Duration.ofSeconds(5));
        assertThat(lines).as("stderr lines starting with %s\n%s", PREFIX, jvm.describe()).hasSize(1);
        assertThat(lines.get(0)).startsWith(PREFIX + " WARN ");
        return lines.get(0);
    }

    /** The agent's lines on stderr; waits up to {@code wait} for a first one, then a little for a second. */
    private static List<String> runtruthLines(TestJvm jvm, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        List<String> lines;
        do {
            lines = jvm.stderrLines().stream().filter(AppUnderAgent::isAgentMessage).toList();
            if (!lines.isEmpty()) {
                sleep(500); // a second line would be a failure too: give it the chance to appear
                return jvm.stderrLines().stream().filter(AppUnderAgent::isAgentMessage).toList();
            }
            sleep(200);
        } while (Instant.now().isBefore(deadline));
        return lines;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
