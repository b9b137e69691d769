package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The recorded manifest and the OpenAPI spec as expected sources, end to end on the sample service:
 * <ul>
 *   <li>the new build, started with {@code dump=}, records a manifest that lists every route its bytecode declares
 *       (plus only Spring Boot's own routes), and {@code check} against it finds no drift on that build;</li>
 *   <li>the old build (the new jar without its {@code workflow} package, as the demo's old commit) is caught by the
 *       new build's recorded manifest and by the spec, each naming where the missing route was declared;</li>
 *   <li>code and spec together: the spec is true to the new code (no documented operation without code), and the old
 *       code leaves the workflow operations documented but not implemented.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedManifestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKFLOW_CLASSES = "BOOT-INF/classes/dev/runtruth/sample/backoffice/workflow/";

    private Path work;
    private Path newJar;
    private Path oldJar;
    private Path spec;

    @BeforeAll
    void prepare() throws IOException {
        work = Files.createDirectories(Paths.get("target", "recorded-manifest-it")).toAbsolutePath();
        newJar = Artifacts.app("backoffice");
        oldJar = withoutWorkflows(newJar, work.resolve("backoffice-old.jar"));
        spec = work.resolve("openapi.yaml");
        try (InputStream in = getClass().getResourceAsStream("/backoffice/openapi.yaml")) {
            Files.copy(in, spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void newBuildRecordsItsRoutesAndMatchesThemCodeAndSpec() throws Exception {
        Path manifest = work.resolve("new-manifest.json");
        Files.deleteIfExists(manifest);
        int agentPort = TestJvm.freePort();
        String agent = "http://127.0.0.1:" + agentPort;
        try (TestJvm jvm = start("manifest-new", newJar, agentPort, manifest)) {
            JsonNode recorded = awaitManifestWith(manifest, "/api/v1/workflows/steps/definitions");

            assertThat(recorded.get("format").asText()).isEqualTo("runtruth-manifest/1");
            assertThat(recorded.get("recordedBy").asText()).startsWith("runtruth-agent");
            assertThat(recorded.get("service").asText()).isEqualTo("backoffice");
            assertThat(recorded.get("classpath")).isNotEmpty();
            assertTheDocsExampleIsThisOutput(recorded);
            Set<Route> fromManifest = routes(recorded);
            OneShot bytecode = collector("expected", "--json", newJar.toString());
            assertThat(bytecode.exitCode()).as(bytecode.describe()).isZero();
            Set<Route> fromBytecode = routes(JSON.readTree(bytecode.stdout()));
            assertThat(fromManifest).as("recorded manifest covers the bytecode").containsAll(fromBytecode);
            assertThat(fromManifest.stream().filter(r -> !fromBytecode.contains(r)))
                    .as("the rest are Spring Boot's own routes, which the collector ignores by default")
                    .isSubsetOf(CollectorAgreementIT.ignoredByDefault(newJar, agent));

            OneShot againstManifest = collector("check", "--expected", manifest.toString(), "--agent", agent);
            OneShot codeAndSpec = collector("check", "--expected", newJar.toString(), "--expected", spec.toString(),
                    "--agent", agent);

            assertThat(againstManifest.exitCode()).as(againstManifest.describe()).isZero();
            assertThat(againstManifest.stdout()).contains("NO DRIFT");
            assertThat(codeAndSpec.exitCode()).as(codeAndSpec.describe()).isZero();
            assertThat(codeAndSpec.stdout()).contains("expected sources:")
                    .containsPattern("GET +/api/v1/orders/\\{orderId} +code, spec")
                    // the code maps notes without a method condition: it implements the documented POST
                    .containsPattern("POST +/api/v1/orders/\\{orderId}/notes +code, spec +openapi.yaml#postOrderNotes")
                    .doesNotContain("DOCUMENTED, NOT IMPLEMENTED").contains("NO DRIFT");
        }
        JsonNode afterExit = JSON.readTree(manifest.toFile());
        assertThat(routes(afterExit)).as("the manifest stays whole after the JVM exits").isNotEmpty();
    }

    @Test
    void oldBuildIsCaughtByTheRecordedManifestAndByTheSpec() throws Exception {
        Path newManifest = work.resolve("new-manifest-for-old.json");
        Files.deleteIfExists(newManifest);
        int newPort = TestJvm.freePort();
        try (TestJvm jvm = start("manifest-record", newJar, newPort, newManifest)) {
            awaitManifestWith(newManifest, "/api/v1/workflows/steps/definitions");
        }
        Path oldManifest = work.resolve("old-manifest.json");
        Files.deleteIfExists(oldManifest);
        int agentPort = TestJvm.freePort();
        String agent = "http://127.0.0.1:" + agentPort;
        try (TestJvm jvm = start("manifest-old", oldJar, agentPort, oldManifest)) {
            JsonNode old = awaitManifestWith(oldManifest, "/api/v1/orders");
            assertThat(routes(old)).extracting(Route::template)
                    .noneMatch(t -> t.startsWith("/api/v1/workflows"));

            OneShot byManifest = collector("check", "--expected", newManifest.toString(), "--agent", agent);
            OneShot bySpec = collector("check", "--expected", spec.toString(), "--agent", agent);
            OneShot oldCodeAndSpec = collector("check", "--expected", oldJar.toString(), "--expected",
                    spec.toString(), "--agent", agent);

            assertThat(byManifest.exitCode()).as(byManifest.describe()).isEqualTo(1);
            assertThat(byManifest.stdout())
                    .containsPattern("MISSING +GET +/api/v1/workflows/steps/definitions +"
                            + "dev\\.runtruth\\.sample\\.backoffice\\.workflow\\.WorkflowController#stepDefinitions")
                    .contains("DRIFT: 3 missing");
            assertThat(bySpec.exitCode()).as(bySpec.describe()).isEqualTo(1);
            assertThat(bySpec.stdout())
                    .containsPattern("MISSING +GET +/api/v1/workflows/steps/definitions +openapi.yaml#listStepDefinitions")
                    .containsPattern("MISSING +POST +/api/v1/workflows/\\{workflowId}/steps +openapi.yaml#addWorkflowStep")
                    .contains("DRIFT: 3 missing");
            assertThat(oldCodeAndSpec.exitCode()).as(oldCodeAndSpec.describe()).isEqualTo(1);
            assertThat(oldCodeAndSpec.stdout()).contains("DOCUMENTED, NOT IMPLEMENTED: 3 operations")
                    .containsPattern("GET +/api/v1/workflows/\\{workflowId} +openapi.yaml#getWorkflow")
                    .contains("REPOSITORY DISAGREES: 3 documented operation(s)");
        }
    }

    /**
     * docs/manifest.md's example is real output: what the agent recorded here for the same route and jar, value for
     * value (the jar's SHA-256 included), in the writer's own layout ({@code RouteManifestWriter}, which the agent's
     * dump uses). Only the commit and branch (the sample's, which change with every commit and branch of this
     * repository) and the path of the fat jar ({@code /srv/backoffice.jar} in the doc) may differ.
     */
    private void assertTheDocsExampleIsThisOutput(JsonNode recorded) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "manifest.md"));
        int start = doc.indexOf("```json\n", doc.indexOf("## Example")) + "```json\n".length();
        String text = doc.substring(start, doc.indexOf("```", start)).trim();
        JsonNode example = JSON.readTree(text);

        java.util.List<String> fields = new java.util.ArrayList<>();
        example.fieldNames().forEachRemaining(fields::add);
        java.util.List<String> realFields = new java.util.ArrayList<>();
        recorded.fieldNames().forEachRemaining(realFields::add);
        assertThat(fields).as("the example's fields, in order").isEqualTo(realFields);
        for (String field : new String[] {"format", "service", "version", "buildTime", "source", "recordedBy"}) {
            assertThat(example.get(field)).as("example's %s", field).isEqualTo(recorded.get(field));
        }
        assertThat(example.get("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(example.get("branch").asText()).isNotBlank(); // the branch this repository was built on
        for (JsonNode route : example.get("routes")) {
            assertThat(recorded.get("routes")).as("a recorded route").contains(route);
        }
        String jarPath = newJar.toAbsolutePath().toString();
        dev.runtruth.model.RouteManifestWriter writer = new dev.runtruth.model.RouteManifestWriter()
                .build(example.get("service").asText(), example.get("version").asText(),
                        example.get("commit").asText(), example.get("branch").asText(),
                        example.get("buildTime").asText())
                .source(example.get("source").asText()).recordedBy(example.get("recordedBy").asText())
                .routes(routes(example));
        for (JsonNode jar : example.get("classpath")) {
            JsonNode real = null;
            for (JsonNode candidate : recorded.get("classpath")) {
                if (candidate.get("name").equals(jar.get("name"))) {
                    real = candidate;
                }
            }
            assertThat(real).as("a recorded jar named %s", jar.get("name")).isNotNull();
            for (String field : new String[] {"version", "sha256", "kind"}) {
                assertThat(jar.get(field)).as("example's %s of %s", field, jar.get("name"))
                        .isEqualTo(real.get(field));
            }
            assertThat(jar.get("location").asText()).as("example's location, the fat jar at /srv/backoffice.jar")
                    .isEqualTo(real.get("location").asText().replace(jarPath, "/srv/backoffice.jar"));
            writer.jar(jar.get("name").asText(), jar.get("version").asText(), jar.get("sha256").asText(),
                    jar.get("location").asText(), jar.get("kind").asText());
        }
        assertThat(text).as("the example in the writer's layout").isEqualTo(writer.toJson());
    }

    private static TestJvm start(String name, Path jar, int agentPort, Path manifest) {
        int httpPort = TestJvm.freePort();
        return TestJvm.builder(name, Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,dump=" + manifest)
                .jar(jar)
                .args("--server.port=" + httpPort)
                .start()
                .awaitHttp200("http://127.0.0.1:" + httpPort + "/actuator/health", AbstractSpringAppIT.START_TIMEOUT);
    }

    private static OneShot collector(String... args) {
        return OneShot.run("collector-" + args[0], Duration.ofSeconds(60),
                OneShot.javaJar(Artifacts.collectorJar(), args));
    }

    /** Waits until the agent has written a manifest naming {@code template} (it rewrites it every 2 s at most). */
    private static JsonNode awaitManifestWith(Path manifest, String template) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(manifest)) {
                JsonNode node = JSON.readTree(manifest.toFile()); // atomic rewrite: always whole
                if (routes(node).stream().anyMatch(r -> r.template().equals(template))) {
                    return node;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(manifest + " did not list " + template + " within 20 s");
    }

    private static Set<Route> routes(JsonNode manifest) {
        Set<Route> routes = new LinkedHashSet<>();
        for (JsonNode route : manifest.path("routes")) {
            routes.add(Route.of(route.get("method").asText(), route.get("route").asText(),
                    route.path("framework").asText(), route.path("handler").asText()));
        }
        return routes;
    }

    /** The demo's old commit, without building it: the fat jar less its workflow classes (nested jars stay stored). */
    private static Path withoutWorkflows(Path jar, Path out) {
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                if (entry.getName().startsWith(WORKFLOW_CLASSES)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry);
                if (copy.getMethod() == ZipEntry.DEFLATED) {
                    copy.setCompressedSize(-1);
                }
                zip.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return out;
    }
}
