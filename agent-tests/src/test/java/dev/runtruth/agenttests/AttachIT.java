package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The incident case: a stale deployment that runs without any agent flag, inspected where it serves with {@code
 * runtruth attach PID}. Hook-free discovery finds the Spring MVC objects created before the attach, so the verdict is
 * the real one: the 3 workflow routes of the new build missing and a different commit (exit 1), while the process
 * serves on throughout (polled). A second attach reads the agent already there; fault cases (not a JVM, dynamic
 * loading disabled) are one clear line and exit 2, the target untouched.
 */
class AttachIT {

    private static final List<String> WORKFLOW_ROUTES = List.of(
            "GET +/api/v1/workflows/steps/definitions",
            "GET +/api/v1/workflows/\\{workflowId}",
            "POST +/api/v1/workflows/\\{workflowId}/steps");

    @Test
    void attachingToAStaleDeploymentFindsTheMissingRoutesAndTheCommit() throws Exception {
        Path stale = staleBackoffice();
        int httpPort = TestJvm.freePort();
        String health = "http://127.0.0.1:" + httpPort + "/actuator/health";
        try (TestJvm jvm = TestJvm.builder("attach-stale-backoffice", Jdks.current())
                .jar(stale)
                .args("--server.port=" + httpPort)
                .start()
                .awaitHttp200(health, AbstractSpringAppIT.START_TIMEOUT);
                Poller poller = new Poller(health)) {
            OneShot attach = OneShot.run("attach-stale-backoffice-first", Duration.ofSeconds(120), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(jvm.pid()), "--agent-jar",
                    Artifacts.agentJar().toString(), "--expected", Artifacts.app("backoffice").toString()));
            System.out.println(attach.stdout());

            assertThat(attach.exitCode()).as(attach.describe()).isEqualTo(1);
            assertThat(attach.stdout()).as(attach.describe()).contains("commit: DIFFERENT")
                    .doesNotContain("CANNOT TELL");
            for (String route : WORKFLOW_ROUTES) {
                assertThat(attach.stdout()).as(attach.describe()).containsPattern("MISSING +" + route);
            }
            assertThat(attach.stdout().lines().filter(l -> l.matches("\\s*MISSING\\s.*"))).as(attach.describe())
                    .hasSize(WORKFLOW_ROUTES.size());
            assertThat(attach.stderr()).as(attach.describe()).contains("(port=", ",host=127.0.0.1)");

            OneShot again = OneShot.run("attach-stale-backoffice-second", Duration.ofSeconds(120), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(jvm.pid()), "--agent-jar",
                    Artifacts.agentJar().toString(), "--expected", Artifacts.app("backoffice").toString()));
            assertThat(again.exitCode()).as(again.describe()).isEqualTo(1);
            assertThat(again.stderr()).as(again.describe()).contains("a Runtruth agent already runs in process "
                    + jvm.pid());
            assertThat(jvm.stderrLines()).as(jvm.describe()).noneMatch(l -> l.contains("a second Runtruth agent"));

            assertThat(poller.failures()).as("requests to the service that did not answer 200 while it was"
                    + " attached to (%d polled)", poller.polls()).isZero();
            assertThat(poller.polls()).as("the service was polled throughout").isGreaterThan(3);
        }
    }

    @Test
    void aProcessThatIsNotAJvmIsOneLineAndExit2() throws IOException, InterruptedException {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            OneShot attach = OneShot.run("attach-not-a-jvm", Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(sleep.pid()), "--agent-jar",
                    Artifacts.agentJar().toString()));
            assertThat(attach.exitCode()).as(attach.describe()).isEqualTo(2);
            assertThat(attach.stderr()).as(attach.describe()).contains("runtruth: process " + sleep.pid()
                    + ": cannot attach: not a JVM");
            assertThat(attach.stderr().lines()).as(attach.describe()).hasSize(2); // "attaching ..." and the error
            assertThat(sleep.isAlive()).as("the target is untouched").isTrue();
        } finally {
            sleep.destroy();
        }
    }

    /** JDK 21+ with {@code -XX:-EnableDynamicAgentLoading} refuses every late agent: one line, exit 2, still running. */
    @Test
    void aJvmThatRefusesDynamicAgentsIsOneLineAndExit2() throws IOException, InterruptedException {
        Optional<Path> jdk25 = Jdks.temurin25();
        org.junit.jupiter.api.Assumptions.assumeTrue(jdk25.isPresent(), "Temurin 25 not found");
        Path dir = Files.createDirectories(Path.of("target", "attach-it"));
        Path source = dir.resolve("Idle.java");
        Files.writeString(source, "public class Idle { public static void main(String[] a) throws Exception {"
                + " System.out.println(\"READY\"); Thread.sleep(120_000); } }");
        Process idle = new ProcessBuilder(Jdks.java(jdk25.get()).toString(), "-XX:-EnableDynamicAgentLoading",
                source.toString()).redirectErrorStream(true).start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(idle.getInputStream()))
                    .readLine();
            assertThat(first).as("the idle JVM started").isEqualTo("READY");
            OneShot attach = OneShot.run("attach-refused", Duration.ofSeconds(60), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(idle.pid()), "--agent-jar",
                    Artifacts.agentJar().toString()));
            assertThat(attach.exitCode()).as(attach.describe()).isEqualTo(2);
            assertThat(attach.stderr()).as(attach.describe()).contains("runtruth: process " + idle.pid()
                    + ": the JVM refused the agent");
            assertThat(attach.stderr().lines()).as(attach.describe()).hasSize(2);
            assertThat(idle.isAlive()).as("the target is untouched").isTrue();
        } finally {
            idle.destroy();
        }
    }

    /**
     * The demo's stale deployment: the old commit of {@code samples/backoffice} (no workflow module), built by the
     * collector's own demo code ({@code SampleBuilds}, package-private, called reflectively from the collector jar so
     * that the build is the demo's, not a copy), reused when {@link DemoIT} built it first.
     */
    private static Path staleBackoffice() throws Exception {
        Path home = Path.of(System.getProperty("runtruth.home")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of("target", "demo-it")).toAbsolutePath();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Artifacts.collectorJar().toUri().toURL()}, null)) {
            Class<?> processes = loader.loadClass("dev.runtruth.collector.demo.Processes");
            Class<?> builds = loader.loadClass("dev.runtruth.collector.demo.SampleBuilds");
            Constructor<?> newProcesses = processes.getDeclaredConstructor();
            newProcesses.setAccessible(true);
            Constructor<?> newBuilds = builds.getDeclaredConstructor(Path.class, Path.class, processes);
            newBuilds.setAccessible(true);
            Object samples = newBuilds.newInstance(home, work, newProcesses.newInstance());
            Method commits = builds.getDeclaredMethod("commits");
            Method build = builds.getDeclaredMethod("build", String.class, Consumer.class);
            Method jar = builds.getDeclaredMethod("jar", String.class);
            for (Method m : new Method[] {commits, build, jar}) {
                m.setAccessible(true);
            }
            String old = (String) ((List<?>) commits.invoke(samples)).get(0);
            Consumer<String> progress = line -> System.out.println("stale backoffice: " + line);
            build.invoke(samples, old, progress);
            return (Path) jar.invoke(samples, old);
        }
    }

    /** Polls a URL every 100 ms on its own thread, counting answers other than 200. */
    private static final class Poller implements AutoCloseable {

        private final AtomicInteger polls = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final Thread thread;
        private volatile boolean stop;

        Poller(String url) {
            thread = new Thread(() -> {
                while (!stop) {
                    try {
                        if (TestJvm.get(url).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    polls.incrementAndGet();
                    try {
                        Thread.sleep(100); // poll interval, not a wait for a condition
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "attach-it-poller");
            thread.setDaemon(true);
            thread.start();
        }

        int polls() {
            return polls.get();
        }

        int failures() {
            return failures.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(5000);
        }
    }
}
