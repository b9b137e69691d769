package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code runtruth check} launched while a real Spring Boot 4.1 application is still starting: the agent already
 * answers (its endpoint opens during a pause in class loading) and says {@code runtruth_inventory_info{state="starting"}},
 * the controllers' routes are registered seconds later ({@code -Dboot41web.slowStartMillis} sleeps in a bean while
 * the context refreshes). {@code check} must wait, print its progress line, and answer about the started application:
 * no route reported MISSING. The truth: Spring's own {@code /actuator/mappings} afterwards lists the routes the build
 * declares.
 */
class ReadinessIT {

    private static final Pattern STATE = Pattern.compile("^runtruth_inventory_info\\{[^}]*state=\"([a-z]+)\"",
            Pattern.MULTILINE);

    @Test
    void checkWaitsForTheStartingApplicationAndNeverReportsItsRoutesMissing() throws IOException {
        int agentPort = TestJvm.freePort();
        int appPort = TestJvm.freePort();
        try (TestJvm app = TestJvm.builder("readiness-boot41", Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1")
                .jvmArgs("-Dboot41web.slowStartMillis=12000")
                .jar(Artifacts.app("boot41-web"))
                .args("--server.port=" + appPort, "--server.address=127.0.0.1").start()) {
            String agent = "http://127.0.0.1:" + agentPort;
            String first = awaitAgent(app, agent + "/metrics", Duration.ofSeconds(60));
            Matcher state = STATE.matcher(first);
            assertThat(state.find()).as("runtruth_inventory_info in the agent's first answer:%n%s", first).isTrue();
            assertThat(state.group(1)).as("the premise: the agent's first answer comes while the app starts%n%s",
                    app.describe()).isEqualTo("starting");

            long launched = System.nanoTime();
            OneShot check = OneShot.run("readiness-check", Duration.ofMinutes(3), OneShot.javaJar(
                    Artifacts.collectorJar(), "check", "--expected", Artifacts.app("boot41-web").toString(),
                    "--agent", agent, "--ignore", "/fn/**", "--ignore", "/late/**"));
            double seconds = (System.nanoTime() - launched) / 1e9;

            assertThat(check.stdout()).as(check.describe()).doesNotContain("MISSING");
            assertThat(check.stderr()).as(check.describe()).contains("says the application is still starting");
            assertThat(check.exitCode()).as(check.describe()).isZero();
            assertThat(check.stdout()).as(check.describe()).contains("NO DRIFT");
            Set<Route> served = ActuatorMappings.read("http://127.0.0.1:" + appPort + "/actuator/mappings", "");
            assertThat(served).as("the truth: Spring lists the build's routes once started").contains(
                    Route.parse("GET /owners/{ownerId}"), Route.parse("POST /owners"));
            System.out.printf("[readiness-it] check waited for the start and answered NO DRIFT after %.1f s%n",
                    seconds);
        }
    }

    /** Polls until the agent answers 200; returns the body. */
    private static String awaitAgent(TestJvm app, String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = TestJvm.get(url);
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the agent did not answer at " + url + " within " + timeout + "\n" + app.describe());
    }
}
