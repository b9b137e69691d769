package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * "Never silently blind" for the one gap of a late attach that stays open: Helidon MP 4.4.0 (Temurin 25), started
 * without the agent. Discovery finds its JAX-RS services, but where they are served comes from Helidon's {@code
 * LoomServer}, which no walk reaches in Helidon MP (it registers no {@code io.helidon.Main} shutdown handler; Weld's
 * {@code ServerCdiExtension} holds the server) and whose constructor hook came too late. {@code runtruth attach} must
 * say so: exit 4 (CANNOT TELL), Helidon named {@code failed} with what the walk did, the port the app serves on named
 * as serving no known route; never a route list that passes for complete. With {@code -javaagent} the same app reads
 * all its routes ({@link HelidonMp4IT}).
 */
class HelidonMp4AttachBlindIT {

    @Test
    void aLateAttachSaysItCannotSeeWhereHelidonMpServes() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR + " (Helidon 4 needs Java 21+)");
        int httpPort = TestJvm.freePort();
        try (TestJvm jvm = TestJvm.builder("helidon-mp4-attach-blind", jdk25.get())
                .jvmArgs("-Dserver.port=" + httpPort, "-Dserver.host=127.0.0.1")
                .jar(Artifacts.app("helidon-mp4"))
                .start()
                .awaitHttp200("http://127.0.0.1:" + httpPort + HelidonMp4IT.SHOP + "/status",
                        AbstractSpringAppIT.START_TIMEOUT)) {
            OneShot attach = OneShot.run("attach-helidon-mp4", Duration.ofSeconds(120), OneShot.javaJar(
                    Artifacts.collectorJar(), "attach", String.valueOf(jvm.pid()), "--agent-jar",
                    Artifacts.agentJar().toString()));

            assertThat(attach.exitCode()).as(attach.describe()).isEqualTo(4);
            assertThat(attach.stdout()).as(attach.describe())
                    .contains("not seen: the agent could not see everything in the running process")
                    .containsPattern("helidon-se 4\\.4\\.0 failed: io\\.helidon\\.webserver\\.LoomServer is loaded but"
                            + " not hooked .* discovery found no live object of it \\(walk \\(attach\\)")
                    .contains("listens on 127.0.0.1:" + httpPort + " and no route is known to be served there");
        }
    }
}
