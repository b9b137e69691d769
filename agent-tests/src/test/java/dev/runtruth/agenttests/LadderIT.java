package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code runtruth ladder} and {@code runtruth probe} on the demo's two real builds of the sample service, both running
 * with the agent: the OLD build (no workflow package: its routes answer Spring's 404) and the NEW one (the workflow
 * routes behind Spring Security's HTTP basic: 401). Artifacts are container image tars built here with Jib core (no
 * Docker engine, no registry): the old fat jar in a docker-archive, the new build as Jib lays out a Java app (classes,
 * resources with git.properties, libs) in an OCI layout, and the new fat jar in a layer above the old image's.
 *
 * <p>The truth: what each running service lists in {@code /actuator/mappings} (which routes exist), the commits of
 * the scratch git repository, the user in the sample's {@code application.properties}, and Tomcat's own access log
 * (every method the services received).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderIT {

    private static final String FEATURE = "GET /api/v1/workflows/steps/definitions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Path work = Path.of("target", "ladder-it").toAbsolutePath();
    private Path repo;
    private String oldCommit;
    private String newCommit;
    private Path oldJar;
    private Path newJar;
    private Path oldImage;
    private Path newImage;
    private Path layeredImage;
    private Service stale;
    private Service fixed;
    private Path credentials;
    private String password;

    private record Service(TestJvm jvm, String base, String agent, Path accessLogs) {
    }

    @BeforeAll
    void buildAndDeploy() throws Exception {
        Files.createDirectories(work);
        sampleBuilds();
        git("checkout", "-q", "-B", "main", newCommit); // the source is the new commit
        oldImage = work.resolve("backoffice-old-docker.tar");
        Jib.fromScratch().setFormat(ImageFormat.Docker)
                .addLayer(List.of(oldJar), AbsoluteUnixPath.get("/app"))
                .setEntrypoint("java", "-jar", "/app/" + oldJar.getFileName())
                .containerize(containerizer(oldImage, "backoffice:old"));
        newImage = work.resolve("backoffice-new-oci.tar");
        Path exploded = explode(newJar, work.resolve("exploded"));
        JavaContainerBuilder.from(ImageReference.scratch())
                .addDependencies(jars(exploded.resolve("BOOT-INF/lib")))
                .addResources(exploded.resolve("BOOT-INF/classes"), p -> !p.toString().endsWith(".class"))
                .addClasses(exploded.resolve("BOOT-INF/classes"))
                .setMainClass("dev.runtruth.sample.backoffice.Application")
                .toContainerBuilder().setFormat(ImageFormat.OCI)
                .containerize(containerizer(newImage, "backoffice:new"));
        // the new fat jar as a layer over the old image: same path, the upper layer wins
        layeredImage = work.resolve("backoffice-layered.tar");
        Path renamed = Files.copy(newJar, work.resolve(oldJar.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Jib.from(TarImage.at(oldImage).named("backoffice:old")).setFormat(ImageFormat.Docker)
                .addLayer(List.of(renamed), AbsoluteUnixPath.get("/app"))
                .containerize(containerizer(layeredImage, "backoffice:layered"));

        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("runtruth.home"),
                "samples/backoffice/src/main/resources/application.properties"))) {
            config.load(in);
        }
        password = config.getProperty("spring.security.user.password");
        credentials = work.resolve("authorization.txt");
        Files.writeString(credentials, "Basic " + Base64.getEncoder().encodeToString(
                (config.getProperty("spring.security.user.name") + ":" + password).getBytes(StandardCharsets.UTF_8))
                + "\n");

        stale = start("ladder-old", oldJar);
        fixed = start("ladder-new", newJar);
    }

    @AfterAll
    void stop() {
        for (Service s : new Service[] {stale, fixed}) {
            if (s != null) {
                s.jvm().close();
            }
        }
    }

    @Test
    void staleDeploymentBreaksTheRuntimeRung() throws IOException {
        Set<Route> workflow = workflowRoutes();
        OneShot run = collector("ladder", "--json", "--repo", repo.toString(), "--expected", newJar.toString(),
                "--artifact", newImage.toString(), "--agent", stale.agent(), "--base-url", stale.base());
        JsonNode ladder = JSON.readTree(run.stdout());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(ladder.path("broken").asText()).isEqualTo("runtime");
        assertThat(rung(ladder, "source").path("status").asText()).isEqualTo("ok");
        assertThat(rung(ladder, "source").path("facts").path("head").asText()).isEqualTo(newCommit);
        assertThat(rung(ladder, "artifact").path("status").asText()).as(run.describe()).isEqualTo("ok");
        assertThat(rung(ladder, "artifact").path("facts").path("commit").asText()).isEqualTo(newCommit);
        assertThat(rung(ladder, "artifact").path("facts").path("kind").asText()).contains("OCI image layout");
        JsonNode runtime = rung(ladder, "runtime");
        assertThat(runtime.path("facts").path("commit").asText()).isEqualTo(oldCommit);
        assertThat(routes(runtime.path("facts").path("missing"))).isEqualTo(workflow);
        assertThat(ladder.path("diagnosis").asText())
                .startsWith("the running process lacks " + workflow.size() + " routes that the artifact has")
                .contains("the deployment is stale; rebuild and recreate the container");
        assertThat(rung(ladder, "route").path("status").asText()).isEqualTo("not_checked");

        OneShot text = collector("ladder", "--repo", repo.toString(), "--expected", newJar.toString(),
                "--artifact", newImage.toString(), "--agent", stale.agent(), "--base-url", stale.base());
        assertThat(text.stdout()).as(text.describe())
                .containsPattern("runtime +BROKEN +agent: commit " + oldCommit.substring(0, 7))
                .containsPattern("MISSING +" + Pattern.quote(FEATURE))
                .contains("BROKEN AT RUNTIME: the running process lacks");
    }

    @Test
    void staleArtifactBreaksTheArtifactRung() throws IOException {
        OneShot run = collector("ladder", "--json", "--repo", repo.toString(), "--expected", newJar.toString(),
                "--artifact", oldImage.toString(), "--agent", stale.agent());
        JsonNode ladder = JSON.readTree(run.stdout());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(ladder.path("broken").asText()).isEqualTo("artifact");
        JsonNode artifact = rung(ladder, "artifact");
        assertThat(artifact.path("facts").path("commit").asText()).isEqualTo(oldCommit);
        assertThat(artifact.path("facts").path("kind").asText()).contains("docker-archive")
                .contains("java -jar /app/" + oldJar.getFileName());
        assertThat(routes(artifact.path("facts").path("missing"))).isEqualTo(workflowRoutes());
        assertThat(ladder.path("diagnosis").asText()).contains("the artifact lacks")
                .contains("built from commit " + oldCommit.substring(0, 7));
    }

    @Test
    void imagesDeclareWhatTheirJarsDeclare() throws IOException {
        // the scanner on the jar itself is the reference; the image's upper layer must win over the lower one
        for (Path[] pair : new Path[][] {{oldImage, oldJar}, {newImage, newJar}, {layeredImage, newJar}}) {
            OneShot viaImage = collector("ladder", "--json", "--artifact", pair[0].toString());
            OneShot viaJar = collector("expected", "--json", pair[1].toString());
            assertThat(viaImage.exitCode()).as(viaImage.describe()).isZero();
            JsonNode artifact = rung(JSON.readTree(viaImage.stdout()), "artifact");
            JsonNode jar = JSON.readTree(viaJar.stdout());
            assertThat(artifact.path("facts").path("routes").asInt()).as(viaImage.describe())
                    .isEqualTo(jar.path("routes").size()).isGreaterThan(10);
            assertThat(artifact.path("facts").path("commit").asText())
                    .isEqualTo(pair[1].equals(oldJar) ? oldCommit : newCommit);
        }
    }

    @Test
    void sourceRungBreaksWhenTheBuildOutputIsNotHead() throws IOException {
        OneShot run = collector("ladder", "--repo", repo.toString(), "--expected", oldJar.toString());
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout()).contains("BROKEN AT SOURCE: the build output was built from commit "
                + oldCommit.substring(0, 7) + ", not from HEAD " + newCommit.substring(0, 7));
    }

    @Test
    void aRouteThatAnswered404NowAnswers401AndThe200AfterLogin() throws IOException {
        Route feature = Route.parse(FEATURE);
        assertThat(mappings(stale)).doesNotContain(feature);
        assertThat(mappings(fixed)).contains(feature);

        JsonNode before = JSON.readTree(collector("probe", "--json", "--expected", newJar.toString(),
                "--agent", stale.agent(), "--base-url", stale.base()).stdout());
        JsonNode after = JSON.readTree(collector("probe", "--json", "--expected", newJar.toString(),
                "--agent", fixed.agent(), "--base-url", fixed.base()).stdout());
        assertThat(result(before, FEATURE).path("status").asInt()).isEqualTo(404);
        assertThat(result(before, FEATURE).path("outcome").asText()).isEqualTo("absent");
        assertThat(result(after, FEATURE).path("status").asInt()).isEqualTo(401);
        assertThat(result(after, FEATURE).path("outcome").asText()).isEqualTo("protected");
        // every workflow route (unsafe POST too, probed with OPTIONS) is absent before and protected after
        for (Route route : workflowRoutes()) {
            assertThat(result(before, route.toString()).path("outcome").asText()).isEqualTo("absent");
            assertThat(result(after, route.toString()).path("outcome").asText()).isEqualTo("protected");
        }

        OneShot ladder = collector("ladder", "--repo", repo.toString(), "--expected", newJar.toString(),
                "--artifact", newImage.toString(), "--agent", fixed.agent(), "--base-url", fixed.base(),
                "--header", "Authorization=file:" + credentials);
        assertThat(ladder.exitCode()).as(ladder.describe()).isZero();
        assertThat(ladder.stdout()).as(ladder.describe())
                .containsPattern("route +OK .*3 protected")
                .containsPattern("protected +" + Pattern.quote(FEATURE) + " -> 401")
                .containsPattern("auth +OK +with Authorization from file .*: 3 present")
                .contains(FEATURE + ": 401 without credentials, 200 with them (present)")
                .contains("LADDER HOLDS")
                .doesNotContain(password);
    }

    @Test
    void refusedCredentialsBreakTheAuthRungAndAreNeverPrinted() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("backoffice:not-the-password".getBytes(
                StandardCharsets.UTF_8));
        OneShot run = collectorWithEnv(Map.of("BACKOFFICE_AUTH", wrong), "ladder", "--expected", newJar.toString(),
                "--agent", fixed.agent(), "--base-url", fixed.base(), "--header", "Authorization=env:BACKOFFICE_AUTH");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout()).contains("BROKEN AT AUTH: the credentials (Authorization from environment variable"
                + " BACKOFFICE_AUTH) are refused: 401 with them");
        assertThat(run.stdout() + run.stderr()).doesNotContain(wrong).doesNotContain(wrong.substring(6));

        OneShot unset = collector("probe", "--base-url", fixed.base(), "--expected", newJar.toString(),
                "--header", "Authorization=env:RUNTRUTH_IT_UNSET_VARIABLE");
        assertThat(unset.exitCode()).as(unset.describe()).isEqualTo(2);
        assertThat(unset.stderr().strip()).isEqualTo("runtruth: --header Authorization: environment variable"
                + " RUNTRUTH_IT_UNSET_VARIABLE is not set");
    }

    @Test
    void theServicesOnlyEverReceivedSafeMethods() throws IOException {
        // run every probe flavour against both services, then read what Tomcat logged
        for (Service s : new Service[] {stale, fixed}) {
            for (String mode : List.of("options", "head", "skip")) {
                collector("probe", "--expected", newJar.toString(), "--agent", s.agent(), "--base-url", s.base(),
                        "--unsafe-routes", mode, "--header", "Authorization=file:" + credentials);
            }
        }
        OneShot skip = collector("probe", "--json", "--expected", newJar.toString(), "--base-url", fixed.base(),
                "--unsafe-routes", "skip");
        JsonNode skipped = JSON.readTree(skip.stdout());
        assertThat(result(skipped, "POST /api/v1/customers").path("outcome").asText()).isEqualTo("not-probed");
        assertThat(result(skipped, "POST /api/v1/customers").path("method").isNull()).isTrue();

        Map<String, Long> methods = new java.util.TreeMap<>();
        Set<String> optionsPaths = new HashSet<>();
        for (Service s : new Service[] {stale, fixed}) {
            try (Stream<Path> logs = Files.list(s.accessLogs())) {
                for (Path log : logs.toList()) {
                    for (String line : Files.readAllLines(log)) {
                        Matcher m = Pattern.compile("\"(\\S+) (\\S+) HTTP/1\\.1\"").matcher(line);
                        assertThat(m.find()).as("access log line %s", line).isTrue();
                        methods.merge(m.group(1), 1L, Long::sum);
                        if (m.group(1).equals("OPTIONS")) {
                            optionsPaths.add(m.group(2));
                        }
                    }
                }
            }
        }
        System.out.println("[ladder-it] methods the services received: " + methods);
        assertThat(methods.keySet()).as("methods in Tomcat's access logs").isSubsetOf(SAFE).contains("OPTIONS",
                "HEAD", "GET");
        // POST /api/v1/orders/{orderId}/cancel was asked with OPTIONS, with the documented placeholder
        assertThat(optionsPaths).contains("/api/v1/orders/1/cancel", "/api/v1/workflows/1/steps");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void sampleBuilds() {
        Path demoWork = Path.of("target", "demo-it").toAbsolutePath(); // shared with DemoIT: builds are reused
        OneShot build = OneShot.run("ladder-it-sample-build", Duration.ofMinutes(10), List.of(
                Jdks.java(Jdks.current()).toString(), "-cp", Artifacts.collectorJar().toString(),
                "dev.runtruth.collector.demo.SampleJars", System.getProperty("runtruth.home"), demoWork.toString()));
        assertThat(build.exitCode()).as(build.describe()).isZero();
        Matcher m = Pattern.compile("old=(\\S+) (\\S+)\nnew=(\\S+) (\\S+)").matcher(build.stdout());
        assertThat(m.find()).as(build.describe()).isTrue();
        oldCommit = m.group(1);
        oldJar = Path.of(m.group(2));
        newCommit = m.group(3);
        newJar = Path.of(m.group(4));
        repo = demoWork.resolve("backoffice");
    }

    private Service start(String name, Path jar) {
        int port = TestJvm.freePort();
        int agentPort = TestJvm.freePort();
        Path tomcat = work.resolve(name + "-tomcat");
        TestJvm jvm = TestJvm.builder(name, Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1").jar(jar)
                .args("--server.port=" + port, "--server.address=127.0.0.1",
                        "--server.tomcat.basedir=" + tomcat, "--server.tomcat.accesslog.enabled=true",
                        "--server.tomcat.accesslog.buffered=false")
                .start();
        String base = "http://127.0.0.1:" + port;
        jvm.awaitHttp200(base + "/actuator/health", Duration.ofMinutes(2));
        jvm.awaitHttp200("http://127.0.0.1:" + agentPort + "/metrics", Duration.ofSeconds(20));
        return new Service(jvm, base, "http://127.0.0.1:" + agentPort, tomcat.resolve("logs"));
    }

    private static Containerizer containerizer(Path tar, String name) throws Exception {
        return Containerizer.to(TarImage.at(tar).named(name))
                .setBaseImageLayersCache(tar.resolveSibling("jib-cache"))
                .setApplicationLayersCache(tar.resolveSibling("jib-cache"));
    }

    private Set<Route> workflowRoutes() throws IOException {
        Set<Route> diff = new TreeSet<>(java.util.Comparator.comparing(Route::toString));
        diff.addAll(mappings(fixed));
        diff.removeAll(mappings(stale));
        assertThat(diff).as("routes the new build's actuator lists and the old one's does not").hasSize(3)
                .contains(Route.parse(FEATURE));
        return new HashSet<>(diff);
    }

    private static Set<Route> mappings(Service s) throws IOException {
        return ActuatorMappings.read(s.base() + "/actuator/mappings", "");
    }

    private static Set<Route> routes(JsonNode array) {
        Set<Route> routes = new HashSet<>();
        array.forEach(n -> routes.add(Route.parse(n.asText())));
        return routes;
    }

    private static JsonNode rung(JsonNode ladder, String name) {
        for (JsonNode rung : ladder.path("rungs")) {
            if (rung.path("rung").asText().equals(name)) {
                return rung;
            }
        }
        throw new AssertionError("no rung " + name + " in " + ladder);
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
        return OneShot.run("ladder-it-" + args[0], Duration.ofMinutes(3),
                OneShot.javaJar(Artifacts.collectorJar(), args));
    }

    /** Like {@link #collector} with extra environment variables (OneShot passes none). */
    private static OneShot collectorWithEnv(Map<String, String> env, String... args) {
        List<String> command = OneShot.javaJar(Artifacts.collectorJar(), args);
        try {
            Path out = Files.createTempFile("ladder-it-", ".out");
            Path err = Files.createTempFile("ladder-it-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
            return new OneShot(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0).as("%s: %s", command, output).isTrue();
    }

    private static Path explode(Path jar, Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return dir;
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }
}
