package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An agent that cannot do its job costs the app nothing: it starts, serves, and the agent says why in one line. */
class AgentRobustnessIT {

    private static final String PREFIX = "[runtruth]";

    @Test
    void badOptionsLeaveTheAppRunning() {
        try (TestJvm jvm = startSample("robust-bad-options", "port=notanumber,bogus")) {
            List<String> lines = runtruthLines(jvm);
            assertThat(lines).as("stderr lines starting with %s\n%s", PREFIX, jvm.describe()).hasSize(1);
            assertThat(lines.get(0)).as(jvm.describe()).containsAnyOf("notanumber", "bogus");
        }
    }

    @Test
    void busyPortLeavesTheAppRunning() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            try (TestJvm jvm = startSample("robust-busy-port", "port=" + port + ",host=127.0.0.1,service=busy")) {
                List<String> lines = runtruthLines(jvm);
                assertThat(lines).as("stderr lines starting with %s\n%s", PREFIX, jvm.describe()).hasSize(1);
                assertThat(lines.get(0).toLowerCase(Locale.ROOT)).as(jvm.describe())
                        .containsAnyOf(String.valueOf(port), "in use", "bind");
            }
        }
    }

    private static TestJvm startSample(String name, String agentOptions) {
        int httpPort = TestJvm.freePort();
        TestJvm jvm = TestJvm.builder(name, Jdks.current())
                .agent(Artifacts.agentJar(), agentOptions)
                .jar(Artifacts.app("backoffice"))
                .args("--server.port=" + httpPort)
                .start();
        try {
            return jvm.awaitHttp200("http://127.0.0.1:" + httpPort + "/actuator/health",
                    AbstractSpringAppIT.START_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            jvm.close();
            throw e;
        }
    }

    /** The agent's lines on stderr; waits a little, as the endpoint may be bound after the app is up. */
    private static List<String> runtruthLines(TestJvm jvm) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
        List<String> lines;
        do {
            lines = jvm.stderrLines().stream().filter(line -> line.startsWith(PREFIX)).toList();
            if (!lines.isEmpty()) {
                sleep(500); // a second line would be a failure too: give it the chance to appear
                return jvm.stderrLines().stream().filter(line -> line.startsWith(PREFIX)).toList();
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
