package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No false alarm on a healthy third-party server (issue 16): Spring Boot Admin's server 3.5 (from Maven Central, its
 * routes come from the library, not from code of ours) on Spring Boot 3.5 + Tomcat, every actuator endpoint exposed.
 * {@code probe} and {@code ladder} must exit 0 and never say BROKEN: the admin server's
 * {@code /instances/{id}/actuator/**} answers 503 for an instance it does not know, its handler failing, not a route
 * missing. The truth: the app's own actuator listing ({@code /actuator/mappings}: which management endpoints exist) and
 * Tomcat's access log (which requests the collector really sent): nothing under the default ignore rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminServerHealthyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work = Path.of("target", "admin-server-healthy-it").toAbsolutePath();
    private TestJvm jvm;
    private Path jar;
    private String base;
    private String agent;
    private AccessLog accessLog;

    @BeforeAll
    void start() {
        jar = Artifacts.app("boot35-admin");
        int port = TestJvm.freePort();
        int agentPort = TestJvm.freePort();
        accessLog = new AccessLog(work.resolve("tomcat"));
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--management.endpoints.web.exposure.include=*"));
        args.addAll(accessLog.springBootArgs());
        jvm = TestJvm.builder("admin-server-healthy", Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1").jar(jar).args(args).start();
        base = "http://127.0.0.1:" + port;
        agent = "http://127.0.0.1:" + agentPort;
        jvm.awaitHttp200(base + "/actuator/health", Duration.ofMinutes(2));
    }

    @AfterAll
    void stop() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void probeAndLadderExitZeroAndRequestNothingUnderTheDefaultIgnores() throws IOException {
        Set<String> management = ActuatorMappings.read(base + "/actuator/mappings", "").stream()
                .map(Route::template).filter(t -> t.startsWith("/actuator")).collect(Collectors.toSet());
        assertThat(management).as("the app's own listing: actuator endpoints exposed")
                .contains("/actuator/env", "/actuator/beans", "/actuator/threaddump");

        // the routes are the library's: the build's own classes declare none (only a functional endpoint built in
        // code), so probe and ladder work from the agent's list
        List<String> requests = new ArrayList<>();
        OneShot probe = accessLog.requestsDuring(requests, () -> collector("probe", "--json", "--agent", agent,
                "--base-url", base));
        assertThat(probe.exitCode()).as(probe.describe()).isZero();
        JsonNode results = JSON.readTree(probe.stdout()).path("results");
        List<String> outcomes = new ArrayList<>();
        results.forEach(r -> outcomes.add(r.path("outcome").asText()));
        assertThat(outcomes).as(probe.describe()).contains("present").doesNotContain("absent", "unreachable");

        OneShot ladder = accessLog.requestsDuring(requests, () -> collector("ladder", "--agent", agent,
                "--base-url", base));
        assertThat(ladder.exitCode()).as(ladder.describe()).isZero();
        assertThat(ladder.stdout()).as(ladder.describe()).contains("LADDER HOLDS").doesNotContain("BROKEN");

        // with the build as --expected there is nothing Runtruth can read to compare: cannot tell, never a healthy
        // empty report and never BROKEN
        OneShot probeExpected = collector("probe", "--expected", jar.toString(), "--agent", agent, "--base-url", base);
        assertThat(probeExpected.exitCode()).as(probeExpected.describe()).isEqualTo(4);
        assertThat(probeExpected.stdout()).as(probeExpected.describe()).contains("CANNOT TELL: no route to probe");
        OneShot ladderExpected = collector("ladder", "--expected", jar.toString(), "--agent", agent, "--base-url",
                base);
        assertThat(ladderExpected.exitCode()).as(ladderExpected.describe()).isEqualTo(4);
        assertThat(ladderExpected.stdout()).as(ladderExpected.describe()).contains("CANNOT TELL AT SOURCE")
                .doesNotContain("BROKEN");

        // check: the library's routes come with the build (its BOOT-INF/lib ships their handler classes), they are
        // not unexpected; what the app builds in code is ignored by the user, as docs/collector.md says
        OneShot check = collector("check", "--expected", jar.toString(), "--agent", agent, "--ignore", "/fn/**",
                "--ignore", "/late/**");
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.stdout()).as(check.describe()).contains("NO DRIFT")
                .containsPattern("\\d+ served routes come with libraries the build ships .*spring-boot-admin-server-");

        assertThat(requests).as("Tomcat's access log: the collector's requests").isNotEmpty()
                .as("nothing under the default ignores (/actuator/**, /error) was requested")
                .noneMatch(r -> r.contains(" /actuator") || r.contains(" /error"));
        System.out.println("[admin-server-healthy-it] probe exit 0, ladder exit 0 (LADDER HOLDS); "
                + requests.size() + " requests, none under /actuator or /error; outcomes "
                + outcomes.stream().collect(Collectors.groupingBy(o -> o, java.util.TreeMap::new,
                        Collectors.counting())));
    }

    private static OneShot collector(String... args) {
        return OneShot.run("admin-server-healthy-" + args[0], Duration.ofMinutes(3),
                OneShot.javaJar(Artifacts.collectorJar(), args));
    }
}
