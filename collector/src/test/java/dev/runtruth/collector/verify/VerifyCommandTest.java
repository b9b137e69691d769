package dev.runtruth.collector.verify;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.runtruth.collector.testing.AgentExposition;
import dev.runtruth.collector.testing.AgentStub;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runtruth verify} end to end on a real build output (the fixtures' fat jar, whose routes Spring itself lists)
 * and real HTTP servers standing in for agents (client_java's own text exposition) and for Prometheus: exit codes,
 * progress lines, the report, and the error cases (no instance, unreachable Prometheus, an agent answering garbage).
 * The agents of real JVMs are verified in agent-tests' {@code VerifyIT}.
 */
class VerifyCommandTest {

    private static final String STALE_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    static Path shared;

    private static Path fatJar;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeEach
    void buildOnce() throws IOException {
        if (fatJar == null) {
            fatJar = Fixtures.fatJar(shared.resolve("fixtures-app-1.2.3.jar"), Map.of());
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        VerifyCommand.resolver = InetAddress::getAllByName;
    }

    @Test
    void convergesWhenEveryInstanceServesTheBuild() throws IOException {
        AgentStub a = agent(Fixtures.springTruthRoutes(), Fixtures.COMMIT);
        AgentStub b = agent(Fixtures.springTruthRoutes(), Fixtures.COMMIT);

        Result result = run("verify", "--expected", fatJar.toString(), "--agent", a.baseUri().toString(),
                "--agent", b.baseUri().toString(), "--timeout", "10s", "--interval", "100ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("verify: " + fatJar + " (service fixtures-app");
        assertThat(lines.get(1)).matches("\\[ +\\d+\\.\\ds] 2/2 instances on commit "
                + Fixtures.COMMIT.substring(0, 12) + ", 2/2 converged");
        assertThat(lines.get(lines.size() - 1)).startsWith("CONVERGED: 2/2 instances run commit "
                + Fixtures.COMMIT.substring(0, 12) + " and serve all " + Fixtures.springTruth().size()
                + " expected routes (");
    }

    @Test
    void timesOutWithDriftNamingTheStaleInstanceAndItsMissingRoutes() throws IOException {
        Route gone = Fixtures.springTruthRoutes().stream().filter(r -> r.template().equals("/owners/{ownerId}")
                && r.method().equals("GET")).findFirst().orElseThrow();
        List<Route> old = new ArrayList<>(Fixtures.springTruthRoutes());
        old.remove(gone);
        AgentStub fresh = agent(Fixtures.springTruthRoutes(), Fixtures.COMMIT);
        AgentStub stale = agent(old, STALE_COMMIT);

        Result result = run("verify", "--expected", fatJar.toString(), "--agent", fresh.baseUri().toString(),
                "--agent", stale.baseUri().toString(), "--timeout", "1s", "--interval", "200ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        List<String> progress = result.out().lines().filter(l -> l.startsWith("[")).toList();
        assertThat(progress).hasSizeGreaterThan(2).allMatch(l -> l.endsWith("1/2 instances on commit "
                + Fixtures.COMMIT.substring(0, 12) + ", 1/2 converged; 1 route missing on 1 instance"));
        String staleName = stale.baseUri() + "/metrics";
        assertThat(result.out().lines()).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(staleName)
                        + " +" + STALE_COMMIT.substring(0, 12) + " +drift +1 +0"))
                .contains(staleName + ": commit " + STALE_COMMIT + ", expected " + Fixtures.COMMIT,
                        "  MISSING     GET /owners/{ownerId}");
        assertThat(result.out().lines().toList().get((int) result.out().lines().count() - 1))
                .matches("DRIFT: timed out after 1\\.0 s \\(\\d+ polls\\): 1 of 2 instances do not run what the build"
                        + " declares \\(listed above\\)");
    }

    @Test
    void jsonReportNamesEveryInstance() throws IOException {
        AgentStub fresh = agent(Fixtures.springTruthRoutes(), Fixtures.COMMIT);
        AgentStub stale = agent(Fixtures.springTruthRoutes(), STALE_COMMIT);

        Result result = run("verify", "--json", "--expected", fatJar.toString(), "--agent",
                fresh.baseUri().toString(), "--agent", stale.baseUri().toString(), "--timeout", "300ms",
                "--interval", "100ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("format").asText()).isEqualTo("runtruth-verify/1");
        assertThat(json.path("result").asText()).isEqualTo("drift");
        assertThat(json.path("instances").findValuesAsText("state")).containsExactly("converged", "drift");
        assertThat(json.path("instances").get(1).path("commit").asText()).isEqualTo(STALE_COMMIT);
        assertThat(json.path("instances").get(1).path("commitComparison").asText()).isEqualTo("different");
        assertThat(result.err().lines()).anyMatch(l -> l.contains("1/2 instances on commit"));
    }

    @Test
    void anAgentAnsweringGarbageCannotTell() throws IOException {
        AgentStub garbage = AgentStub.serving("text/html", "<html><body>Welcome to nginx!</body></html>\n");
        servers.add(garbage);

        Result result = run("verify", "--expected", fatJar.toString(), "--agent", garbage.baseUri().toString(),
                "--timeout", "300ms", "--interval", "100ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
        assertThat(result.out().lines()).anyMatch(l -> l.startsWith(garbage.baseUri() + "/metrics: cannot read: not"
                + " Prometheus text exposition format"));
        assertThat(result.out().lines().reduce((x, y) -> y).orElseThrow())
                .matches("CANNOT TELL: timed out after 0\\.3 s \\(\\d+ polls\\): 1 instance could not be read");
    }

    @Test
    void aPrometheusThatFindsNoInstanceIsNeverSuccess() throws IOException {
        HttpServer prometheus = prometheus("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                + "\"result\":[]}}");

        Result result = run("verify", "--expected", fatJar.toString(), "--prometheus", url(prometheus),
                "--service", "no-such-job", "--timeout", "300ms", "--interval", "100ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
        assertThat(result.out().lines()).anyMatch(l -> l.endsWith("] 0/0 instances on commit "
                + Fixtures.COMMIT.substring(0, 12) + ", 0/0 converged; fewer than --min-instances 1"));
        assertThat(result.out().lines().reduce((x, y) -> y).orElseThrow()).matches("CANNOT TELL: timed out after"
                + " 0\\.3 s \\(\\d+ polls\\): 0 instances found, fewer than --min-instances 1");
    }

    @Test
    void anUnreachablePrometheusIsAnInputError() throws IOException {
        String closed = AgentStub.closedPort().toString().replace("/metrics", "");

        Result result = run("verify", "--expected", fatJar.toString(), "--prometheus", closed, "--service",
                "backoffice", "--timeout", "5s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("runtruth: " + closed + ": cannot query Prometheus: java.net.ConnectException");
    }

    @Test
    void dnsRecordsAreTheInstancesResolvedEveryPoll() throws IOException {
        AgentStub agent = agent(Fixtures.springTruthRoutes(), Fixtures.COMMIT);
        int[] lookups = {0};
        VerifyCommand.resolver = name -> {
            assertThat(name).isEqualTo("backoffice.test");
            if (lookups[0]++ < 2) {
                throw new UnknownHostException(name + ": no records yet");
            }
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };

        Result result = run("verify", "--expected", fatJar.toString(), "--dns", "backoffice.test", "--agent-port",
                Integer.toString(agent.baseUri().getPort()), "--timeout", "10s", "--interval", "50ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out().lines().filter(l -> l.startsWith("[")).toList()).hasSize(3)
                .first().asString().endsWith("0/0 instances on commit " + Fixtures.COMMIT.substring(0, 12)
                        + ", 0/0 converged; fewer than --min-instances 1; backoffice.test: does not resolve to any"
                        + " address (backoffice.test: no records yet)");
        assertThat(result.out()).contains("1/1 instances on commit");
    }

    @Test
    void usageErrors() {
        String jar = fatJar.toString();
        assertThat(run("verify", "--expected", jar).err()).contains("no instances selected: give exactly one of");
        assertThat(run("verify", "--expected", jar, "--agent", "http://127.0.0.1:1", "--dns", "x",
                "--agent-port", "1").err()).contains("several instance selectors");
        assertThat(run("verify", "--expected", jar, "--prometheus", "http://127.0.0.1:1", "--service", " ").err())
                .contains("--service: the name is empty");
        assertThat(run("verify", "--expected", jar, "--prometheus", "http://127.0.0.1:1", "--selector", "{}").err())
                .contains("is not PromQL label matchers in braces");
        assertThat(run("verify", "--expected", jar, "--dns", "x").err()).contains("--dns needs --agent-port N");
        assertThat(run("verify", "--expected", jar, "--agent", "http://127.0.0.1:1", "--min-instances", "0").err())
                .contains("zero instances is never success");
        assertThat(run("verify", "--expected", jar, "--agent", "http://127.0.0.1:1", "--timeout", "soon").err())
                .contains("--timeout: 'soon' is not a positive duration");
        for (String[] args : new String[][] {{"verify", "--expected", jar}, {"verify", "--expected", jar, "--dns",
                "x"}, {"verify", "--expected", jar, "--agent", "http://127.0.0.1:1", "--timeout", "0s"}}) {
            assertThat(run(args).exitCode()).as(String.join(" ", args)).isEqualTo(2);
        }
    }

    private AgentStub agent(List<Route> routes, String commit) throws IOException {
        AgentStub stub = AgentStub.serving(AgentStub.TEXT,
                AgentExposition.text(AgentExposition.registry(routes, "fixtures-app", commit)));
        servers.add(stub);
        return stub;
    }

    private HttpServer prometheus(String answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        servers.add(() -> server.stop(0));
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

}
