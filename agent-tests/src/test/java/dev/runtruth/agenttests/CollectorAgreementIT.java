package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two sides of runtruth agree on the same build: the routes the collector reads from the sample's jar (bytecode,
 * no class loading) are the routes the agent sees in the running sample, less what the collector ignores by default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectorAgreementIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJvm jvm;
    private int agentPort;
    private Path sampleJar;

    @BeforeAll
    void startSample() {
        sampleJar = Artifacts.app("backoffice");
        int httpPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        jvm = TestJvm.builder("collector-backoffice", Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=backoffice")
                .jar(sampleJar)
                .args("--server.port=" + httpPort)
                .start()
                .awaitHttp200("http://127.0.0.1:" + httpPort + "/actuator/health", AbstractSpringAppIT.START_TIMEOUT)
                .awaitHttp200(agentUrl() + "/metrics", AppUnderAgent.METRICS_TIMEOUT);
    }

    @AfterAll
    void stopSample() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void expectedRoutesEqualAgentRoutesLessDefaultIgnores() throws IOException {
        OneShot expected = OneShot.run("collector-expected", Duration.ofSeconds(60),
                OneShot.javaJar(Artifacts.collectorJar(), "expected", "--json", sampleJar.toString()));
        assertThat(expected.exitCode()).as(expected.describe()).isZero();
        Set<Route> collector = routesIn(JSON.readTree(expected.stdout()));
        Set<Route> ignored = ignoredByDefault(sampleJar, agentUrl());
        Set<Route> agent = AgentScrape.scrape(agentUrl() + "/metrics").routes().stream()
                .filter(route -> !ignored.contains(route))
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(collector).as("collector routes (sanity)\n%s", expected.describe()).hasSizeGreaterThan(10);
        assertThat(RouteDiff.describe("collector expected", collector, "agent (less default ignores)", agent))
                .as("collector == agent on the same build\n%s", jvm.describe())
                .isEmpty();
    }

    @Test
    void checkFindsNoDriftOnTheMatchingService() {
        OneShot check = OneShot.run("collector-check", Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--expected", sampleJar.toString(), "--agent", agentUrl()));
        assertThat(check.exitCode()).as("exit 0 = no drift\n%s\n%s", check.describe(), jvm.describe()).isZero();
    }

    private String agentUrl() {
        return "http://127.0.0.1:" + agentPort;
    }

    /**
     * The served routes the collector's default ignore rules leave out, as the collector itself decides them
     * ({@code runtruth check --json}'s {@code ignored} list; the rules are the collector's {@code IgnoreRules}, not a
     * copy). Checked against the agent's own handler labels: none of them is the application's (its package
     * {@code dev.runtruth.sample}), so a rule that swallowed an application route fails here.
     *
     * @param expected the build output to check against
     * @param agentUrl the agent of the running build
     * @return the ignored routes
     */
    static Set<Route> ignoredByDefault(Path expected, String agentUrl) throws IOException {
        OneShot check = OneShot.run("collector-check-ignored", Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--expected", expected.toString(), "--agent", agentUrl, "--json"));
        assertThat(check.exitCode()).as(check.describe()).isIn(0, 1);
        Set<Route> ignored = routesIn(JSON.readTree(check.stdout()).path("ignored"));
        assertThat(ignored).as("routes the default rules ignore (sanity)\n%s", check.describe()).isNotEmpty()
                .allSatisfy(route -> assertThat(route.handler()).as("handler of ignored %s", route)
                        .doesNotStartWith("dev.runtruth.sample."));
        return ignored;
    }

    /**
     * The routes in the collector's JSON, whatever its envelope: every object with a {@code method} and a
     * {@code template} (or {@code path}, {@code route}).
     */
    static Set<Route> routesIn(JsonNode node) {
        Set<Route> routes = new LinkedHashSet<>();
        collect(node, routes);
        return routes;
    }

    private static void collect(JsonNode node, Set<Route> routes) {
        if (node.isObject() && node.has("method")) {
            for (String field : List.of("template", "path", "route")) {
                if (node.path(field).isTextual()) {
                    routes.add(Route.of(node.path("method").asText(), node.path(field).asText(),
                            node.path("framework").asText(""), node.path("handler").asText("")));
                    return;
                }
            }
        }
        node.forEach(child -> collect(child, routes));
    }
}
