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

    /**
     * The collector's default ignore rules (brief of the agent-tests module): framework and actuator routes a
     * repository does not declare. A rule ending in {@code /**} also covers everything below its prefix.
     * TODO: reference the collector's constant once {@code dev.runtruth.collector.drift} exposes one.
     */
    static final List<String> COLLECTOR_DEFAULT_IGNORES =
            List.of("/error", "/error/**", "/actuator", "/actuator/**", "/webjars/**", "/**");

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
                .awaitHttp200(agentUrl() + "/metrics", Duration.ofSeconds(10));
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
        Set<Route> agent = AgentMetrics.scrape(agentUrl() + "/metrics").routes().stream()
                .filter(route -> !ignoredByDefault(route.template()))
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

    static boolean ignoredByDefault(String template) {
        for (String rule : COLLECTOR_DEFAULT_IGNORES) {
            if (template.equals(rule)) {
                return true;
            }
            if (rule.endsWith("/**") && rule.length() > 3 && template.startsWith(rule.substring(0, rule.length() - 2))) {
                return true;
            }
        }
        return false;
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
