package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No false alarm on a healthy service (issue 16): the Spring Boot 4.1 app with every actuator endpoint exposed and a
 * deliberate crash page ({@code GET /oups} answers 500, as Spring PetClinic's), run with its build's profile
 * {@code prefixed}: context path {@code /ctx}, actuator under {@code /management} (as spring-petclinic-rest and
 * jhipster run). The collector reads both from the jar's {@code application-prefixed.properties}.
 *
 * <p>The truth: what the app itself lists ({@code /ctx/management/mappings}: which actuator endpoints exist) and
 * Tomcat's access log (which requests the collector really sent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthyServiceProbeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = "prefixed";
    private static final String CRASH = "GET /ctx/oups";

    private final Path work = Path.of("target", "healthy-probe-it").toAbsolutePath();
    private TestJvm jvm;
    private Path jar;
    private String base;
    private String agent;
    private AccessLog accessLog;

    @BeforeAll
    void start() {
        jar = Artifacts.app("boot41-web");
        int port = TestJvm.freePort();
        int agentPort = TestJvm.freePort();
        accessLog = new AccessLog(work.resolve("tomcat"));
        jvm = TestJvm.builder("healthy-probe", Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1").jar(jar)
                .args(Stream.concat(Stream.of("--server.port=" + port, "--server.address=127.0.0.1",
                        "--spring.profiles.active=" + PROFILE), accessLog.springBootArgs().stream()).toList())
                .start();
        base = "http://127.0.0.1:" + port;
        agent = "http://127.0.0.1:" + agentPort;
        jvm.awaitHttp200(base + "/ctx/ok", Duration.ofMinutes(2));
        awaitAgentLists("/ctx/late/registered"); // registered once the application is ready
    }

    @AfterAll
    void stop() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void checkFollowsTheBuildsContextPathAndManagementBasePath() throws IOException {
        Set<Route> actuator = ActuatorMappings.read(base + "/ctx/management/mappings", "/ctx").stream()
                .filter(r -> r.template().startsWith("/ctx/management")).collect(java.util.stream.Collectors.toSet());
        assertThat(actuator).as("actuator's own endpoints").hasSizeGreaterThan(10);

        OneShot withDefaults = collector("check", "--json", "--expected", jar.toString(), "--profile", PROFILE,
                "--agent", agent);
        JsonNode report = JSON.readTree(withDefaults.stdout());
        assertThat(templates(report.path("unexpected"))).as(withDefaults.describe())
                .noneMatch(t -> t.startsWith("/ctx/management") || t.startsWith("/ctx/error"))
                .isNotEmpty(); // the functional endpoints and the late mapping, which bytecode cannot show
        assertThat(templates(report.path("ignored"))).as("actuator's routes are ignored under /ctx/management")
                .containsAll(actuator.stream().map(Route::template).toList());

        // without the default rules, actuator's routes are no longer ignored: their handlers are classes of a library
        // the build ships (spring-boot-actuator in BOOT-INF/lib), so they come with the build, listed apart
        OneShot without = collector("check", "--json", "--expected", jar.toString(), "--profile", PROFILE,
                "--agent", agent, "--no-default-ignores");
        JsonNode bare = JSON.readTree(without.stdout());
        assertThat(templates(bare.path("fromLibraries"))).as(without.describe())
                .containsAll(actuator.stream().map(Route::template).toList());
        assertThat(templates(bare.path("ignored"))).as(without.describe()).isEmpty();

        OneShot clean = collector("check", "--expected", jar.toString(), "--profile", PROFILE, "--agent", agent,
                "--ignore", "/ctx/fn/**", "--ignore", "/ctx/late/**");
        assertThat(clean.exitCode()).as(clean.describe()).isZero();
        assertThat(clean.stdout()).contains("NO DRIFT");
    }

    @Test
    void probeAndLadderExitZeroAndReadThe500AsPresentAndFailing() throws IOException {
        List<String> requests = new ArrayList<>();
        OneShot probe = requestsDuring(requests, () -> collector("probe", "--json", "--expected", jar.toString(),
                "--profile", PROFILE, "--agent", agent, "--base-url", base));
        assertThat(probe.exitCode()).as(probe.describe()).isZero();
        JsonNode crash = result(JSON.readTree(probe.stdout()), CRASH);
        assertThat(crash.path("status").asInt()).isEqualTo(500);
        assertThat(crash.path("outcome").asText()).isEqualTo("present-failing");
        assertThat(requests).as("Tomcat's access log").contains("GET /ctx/oups 500");

        OneShot ladder = requestsDuring(requests, () -> collector("ladder", "--expected", jar.toString(),
                "--profile", PROFILE, "--agent", agent, "--base-url", base));
        assertThat(ladder.exitCode()).as(ladder.describe()).isZero();
        assertThat(ladder.stdout()).as(ladder.describe())
                .containsPattern("route +WARN .*present-failing")
                .containsPattern("present-failing +" + Pattern.quote(CRASH) + " -> 500")
                .contains("LADDER HOLDS")
                .doesNotContain("BROKEN");
        assertThat(requests).as("nothing under the default ignores (/ctx/management, /ctx/error) was requested")
                .noneMatch(r -> r.contains(" /ctx/management") || r.contains(" /ctx/error"));
    }

    @Test
    void withoutABuildTheAgentsRoutesAreProbedButNoStateDump() throws IOException {
        List<String> requests = new ArrayList<>();
        OneShot probe = requestsDuring(requests, () -> collector("probe", "--json", "--agent", agent, "--base-url",
                base));
        JsonNode results = JSON.readTree(probe.stdout()).path("results");
        List<String> dumps = new ArrayList<>();
        results.forEach(r -> {
            if (r.path("outcome").asText().equals("not-probed")
                    && r.path("evidence").asText().startsWith("a management endpoint")) {
                dumps.add(r.path("route").asText());
            }
        });
        // the endpoints issue 16 names, as far as this app exposes them (its own mappings are the truth: Boot 4.1
        // lists no heapdump here)
        Set<String> exposed = ActuatorMappings.read(base + "/ctx/management/mappings", "/ctx").stream()
                .map(Route::toString).collect(java.util.stream.Collectors.toSet());
        List<String> named = List.of("heapdump", "threaddump", "env", "beans", "configprops", "loggers").stream()
                .map(id -> "GET /ctx/management/" + id).filter(exposed::contains).toList();
        assertThat(named).as("exposed by the app").hasSizeGreaterThanOrEqualTo(5);
        assertThat(dumps).as(probe.describe()).containsAll(named);
        assertThat(requests).as("Tomcat's access log: none of them requested").isNotEmpty()
                .noneMatch(r -> dumps.stream().map(d -> d.substring(d.indexOf(' ')).replaceAll("\\{[^}]*}", ""))
                        .anyMatch(path -> r.contains(path)));
    }

    @Test
    void ignoreKeepsARouteFromBeingRequested() throws IOException {
        List<String> requests = new ArrayList<>();
        OneShot probe = requestsDuring(requests, () -> collector("probe", "--json", "--expected", jar.toString(),
                "--profile", PROFILE, "--base-url", base, "--ignore", CRASH));
        JsonNode json = JSON.readTree(probe.stdout());
        assertThat(probe.exitCode()).as(probe.describe()).isZero();
        assertThat(json.path("ignored").asInt()).isEqualTo(1);
        assertThat(json.path("results").toString()).doesNotContain("/ctx/oups");
        assertThat(requests).as("Tomcat's access log").isNotEmpty().noneMatch(r -> r.contains("/ctx/oups"));

        OneShot ladder = collector("ladder", "--expected", jar.toString(), "--profile", PROFILE, "--base-url", base,
                "--ignore", CRASH);
        assertThat(ladder.exitCode()).as(ladder.describe()).isZero();
        assertThat(ladder.stdout()).containsPattern("route +OK .*1 route not requested \\(ignore rules\\)");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private OneShot requestsDuring(List<String> requests, AccessLog.Run run) throws IOException {
        return accessLog.requestsDuring(requests, run);
    }

    private void awaitAgentLists(String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (TestJvm.get(agent + "/metrics").body().contains(path)) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the agent did not list " + path + "\n" + jvm.describe());
    }

    private static List<String> templates(JsonNode routes) {
        List<String> out = new ArrayList<>();
        routes.forEach(r -> out.add(r.path("route").asText()));
        return out;
    }

    private static JsonNode result(JsonNode probe, String route) {
        for (JsonNode r : probe.path("results")) {
            if (r.path("route").asText().equals(route)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + route + " in " + probe);
    }

    private static OneShot collector(String... args) {
        return OneShot.run("healthy-probe-" + args[0], Duration.ofMinutes(3),
                OneShot.javaJar(Artifacts.collectorJar(), args));
    }
}
