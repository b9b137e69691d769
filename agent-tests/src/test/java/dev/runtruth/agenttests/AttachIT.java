package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The incident case: a service that runs without any agent flag, inspected where it serves with {@code runtruth
 * attach PID}. The constructor hooks cannot see framework objects created before the attach, so the honest answer is
 * "cannot tell" (exit 4) naming what was not seen, never "0 routes", NO DRIFT, or 14 routes of invented drift; the
 * process serves on throughout; a second attach reads the agent already there; a process that is not a JVM is one
 * clear line and exit 2.
 */
class AttachIT {

    @Test
    void attachingToARunningServiceSaysWhatItCouldNotSee() throws IOException, InterruptedException {
        int httpPort = TestJvm.freePort();
        String health = "http://127.0.0.1:" + httpPort + "/actuator/health";
        try (TestJvm jvm = TestJvm.builder("attach-backoffice", Jdks.current())
                .jar(Artifacts.app("backoffice"))
                .args("--server.port=" + httpPort)
                .start()
                .awaitHttp200(health, AbstractSpringAppIT.START_TIMEOUT)) {
            OneShot attach = OneShot.run("attach-backoffice-first", Duration.ofSeconds(120), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(jvm.pid()), "--agent-jar",
                    Artifacts.agentJar().toString(), "--expected", Artifacts.app("backoffice").toString()));

            assertThat(attach.exitCode()).as(attach.describe()).isEqualTo(4);
            assertThat(attach.stdout()).as(attach.describe()).contains(
                    "commit: same (",
                    "spring-webmvc", "org.springframework.web.servlet.DispatcherServlet was loaded before the agent"
                            + " could hook it (the agent was attached to a running JVM)",
                    "CANNOT TELL: the agent could not see everything");
            assertThat(attach.stderr()).as(attach.describe()).contains("(port=", ",host=127.0.0.1)");
            assertThat(TestJvm.get(health).statusCode()).as("the service serves on").isEqualTo(200);

            OneShot again = OneShot.run("attach-backoffice-second", Duration.ofSeconds(120), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(jvm.pid()), "--agent-jar",
                    Artifacts.agentJar().toString()));
            assertThat(again.exitCode()).as(again.describe()).isEqualTo(4);
            assertThat(again.stderr()).as(again.describe()).contains("a Runtruth agent already runs in process "
                    + jvm.pid());
            assertThat(jvm.stderrLines()).as(jvm.describe()).noneMatch(l -> l.contains("a second Runtruth agent"));
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
            assertThat(sleep.isAlive()).as("the target is untouched").isTrue();
        } finally {
            sleep.destroy();
        }
    }
}
