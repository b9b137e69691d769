package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real OpenAPI documents no one here wrote, against the runtime routes of the app they describe: springdoc-openapi
 * generates {@code /v3/api-docs} (JSON) and {@code /v3/api-docs.yaml} from the running WebFlux apps (springdoc 2.8 on
 * Boot 3.5 and springdoc 3.1 on Boot 4.1, both OpenAPI 3.1.0; with a base path, springdoc's server URL carries it). The
 * collector reads each document as the expected side and {@code check}s it against the agent in the same JVM: every
 * documented operation must be served (no MISSING); what is served but not documented (springdoc's own endpoints, the
 * functional endpoints springdoc does not describe, actuator) is printed for the record.
 */
class SpringdocSpecIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} base path ''{1}''")
    @CsvSource({"boot35-webflux,''", "boot41-webflux,/base"})
    void everyOperationSpringdocDocumentsIsServed(String app, String basePath) throws IOException {
        int httpPort = TestJvm.freePort();
        int agentPort = TestJvm.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + httpPort));
        if (!basePath.isEmpty()) {
            args.add("--spring.webflux.base-path=" + basePath);
        }
        String base = "http://127.0.0.1:" + httpPort + basePath;
        Path work = Files.createDirectories(Paths.get("target", "springdoc-spec-it", app)).toAbsolutePath();
        try (TestJvm jvm = TestJvm.builder("springdoc-" + app, Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1")
                .jar(Artifacts.app(app))
                .args(args)
                .start()
                .awaitHttp200(base + "/late/registered/ready", AbstractSpringWebFluxIT.START_TIMEOUT)
                .awaitHttp200("http://127.0.0.1:" + agentPort + "/metrics", AppUnderAgent.METRICS_TIMEOUT)) {
            Path json = save(work.resolve("api-docs.json"), TestJvm.get(base + "/v3/api-docs"));
            Path yaml = save(work.resolve("api-docs.yaml"), TestJvm.get(base + "/v3/api-docs.yaml"));

            OneShot fromJson = collector("expected", "--json", json.toString());
            OneShot fromYaml = collector("expected", "--json", yaml.toString());
            OneShot check = collector("check", "--json", "--expected", json.toString(), "--agent",
                    "http://127.0.0.1:" + agentPort);

            assertThat(fromJson.exitCode()).as(fromJson.describe()).isZero();
            assertThat(fromYaml.exitCode()).as(fromYaml.describe()).isZero();
            JsonNode documented = JSON.readTree(fromJson.stdout()).get("routes");
            assertThat(documented).as("springdoc documents the app's annotated routes").hasSizeGreaterThanOrEqualTo(2);
            assertThat(routes(JSON.readTree(fromYaml.stdout()).get("routes"))).as("YAML and JSON say the same")
                    .isEqualTo(routes(documented));
            JsonNode report = JSON.readTree(check.stdout());
            assertThat(report.get("missing")).as("documented but not served\n%s\n%s", check.describe(),
                    jvm.describe()).isEmpty();
            System.out.println("[" + app + "] springdoc " + JSON.readTree(json.toFile()).path("openapi").asText()
                    + " documents " + documented.size() + " operations, all served; served, not documented: "
                    + routes(report.get("unexpected")) + "; ignored by default: " + routes(report.get("ignored")));
        }
    }

    private static Path save(Path file, HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
        return Files.writeString(file, response.body(), StandardCharsets.UTF_8);
    }

    private static OneShot collector(String... args) {
        return OneShot.run("collector-" + args[0], Duration.ofSeconds(60),
                OneShot.javaJar(Artifacts.collectorJar(), args));
    }

    private static List<String> routes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(r -> out.add(r.get("method").asText() + " " + r.get("route").asText()));
        return out;
    }
}
