package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner against Spring's own registry, over every input layout. */
class BytecodeRouteScannerTest {

    private static Set<String> truth;

    @TempDir
    Path temp;

    @BeforeAll
    static void askSpring() {
        truth = Fixtures.springTruth();
    }

    @Test
    void truthCoversEveryFixtureCase() {
        // guards the truth itself: if component scanning found nothing, equality below would prove nothing
        assertThat(truth).hasSizeGreaterThan(40)
                .anyMatch(r -> r.endsWith("KotlinController#hello"))
                .anyMatch(r -> r.endsWith("PetController#pet"))
                .anyMatch(r -> r.endsWith("ThingController#get"))
                .anyMatch(r -> r.endsWith("ConcreteController#inherited"))
                .anyMatch(r -> r.endsWith("ComposedController#yearlyReport"))
                .anyMatch(r -> r.endsWith("ComposedController#old"));
    }

    @Test
    void classesDirectoryMatchesSpring() throws InputException {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Fixtures.testClasses());

        assertThat(withoutPlaceholders(routes)).containsExactlyElementsOf(truth);
        assertThat(routes.build().commit()).isNull();
        assertThat(routes.build().service()).isEqualTo("collector");
    }

    @Test
    void plainJarMatchesSpring() throws Exception {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Fixtures.jar(temp.resolve("app.jar")));

        assertThat(withoutPlaceholders(routes)).containsExactlyElementsOf(truth);
        assertThat(routes.build().commit()).isEqualTo(Fixtures.COMMIT);
        assertThat(routes.build().service()).isEqualTo("app");
        assertThat(routes.source()).isEqualTo(temp.resolve("app.jar").toString());
    }

    @Test
    void springBootFatJarMatchesSpringWithAnnotationsFromTheNestedSpringWebJar() throws Exception {
        Path jar = Fixtures.fatJar(temp.resolve("fixtures-app-1.2.3.jar"), Map.of());

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(jar);

        assertThat(withoutPlaceholders(routes)).containsExactlyElementsOf(truth);
        assertThat(routes.build().service()).isEqualTo("fixtures-app");
        assertThat(routes.build().version()).isEqualTo("1.2.3");
        assertThat(routes.build().commit()).isEqualTo(Fixtures.COMMIT);
        assertThat(routes.build().branch()).isEqualTo("main");
        assertThat(routes.build().buildTime()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(routes.warnings()).allMatch(w -> w.contains("placeholder"));
    }

    @Test
    void annotationTypesAndSupertypesInANestedLibraryJarResolve() throws Exception {
        // the application keeps only the concrete controllers; interfaces, base class and composed annotations
        // move to a library jar, as in a multi-module build
        Set<String> library = Set.of("PetApi", "CrudApi", "BaseController", "GetJson", "ReportMapping",
                "LegacyMapping", "ApiController");
        Map<String, byte[]> application = new LinkedHashMap<>();
        Map<String, byte[]> api = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Fixtures.fixtureClasses())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                String entry = "dev/runtruth/collector/fixtures/" + file.getFileName();
                (library.contains(name) ? api : application).put(library.contains(name) ? entry
                        : "BOOT-INF/classes/" + entry, Files.readAllBytes(file));
            }
        }
        Path apiJar = temp.resolve("api.jar");
        Fixtures.writeZip(apiJar, api, Map.of());
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("BOOT-INF/lib/fixtures-api.jar", Files.readAllBytes(apiJar));
        for (Path jar : Fixtures.springJars()) {
            libs.put("BOOT-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        Path jar = temp.resolve("split.jar");
        Fixtures.writeZip(jar, application, libs);

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(jar);

        assertThat(withoutPlaceholders(routes)).containsExactlyElementsOf(truth);
        assertThat(routes.warnings()).isEmpty();
    }

    @Test
    void warMatchesSpring() throws Exception {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Fixtures.war(temp.resolve("app.war")));

        assertThat(withoutPlaceholders(routes)).containsExactlyElementsOf(truth);
        assertThat(routes.build().commit()).isEqualTo(Fixtures.COMMIT);
    }

    @Test
    void classesThatSpringWouldNotRegisterDeclareNothing() throws InputException {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Fixtures.testClasses());

        assertThat(routes.routes()).extracting(Route::handler)
                .noneMatch(h -> h.contains("NotAController") || h.contains("UnannotatedMappings")
                        || h.startsWith("dev.runtruth.collector.fixtures.BaseController")
                        || h.contains("PetApi") || h.contains("CrudApi"));
        assertThat(routes.routes()).extracting(Route::template)
                .doesNotContain("/not-a-controller/nope", "/plain-class");
    }

    @Test
    void placeholderResolvesToItsDefaultOrBecomesAWildcardSegmentWithAWarningNamingTheMethod()
            throws InputException {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Fixtures.testClasses());

        assertThat(routes.routes()).filteredOn(r -> r.handler().startsWith(Fixtures.PLACEHOLDER_PACKAGE))
                .extracting(Route::toString).containsExactly("GET /*/items", "GET /hello");
        assertThat(routes.warnings()).containsExactly(Fixtures.PLACEHOLDER_PACKAGE
                + ".PlaceholderController#items: path '${app.items-path}/items': placeholder ${app.items-path} not set in the"
                + " build's application properties/YAML (profiles default); read as '*/items', where * matches any"
                + " one segment");
    }

    @Test
    void badClassInADirectoryIsReportedWithItsPathAndSkipped() throws Exception {
        Path classes = copyFixtures(temp.resolve("classes"));
        Path truncated = classes.resolve("dev/runtruth/collector/fixtures/OwnerController.class");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        Path notAClass = classes.resolve("dev/runtruth/collector/fixtures/Text.class");
        Files.writeString(notAClass, "hello");

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(classes);

        assertThat(routes.warnings()).contains(
                truncated + ": corrupt class file: truncated or malformed (ArrayIndexOutOfBoundsException); skipped",
                notAClass + ": not a class file: magic 0x68656C6C, expected 0xCAFEBABE; skipped");
        assertThat(withoutPlaceholders(routes)).isNotEmpty()
                .containsExactlyElementsOf(truth.stream().filter(r -> !r.contains("OwnerController")).toList());
    }

    @Test
    void corruptNestedJarIsReportedAndSkipped() throws Exception {
        Path jar = Fixtures.fatJar(temp.resolve("app.jar"), Map.of("broken.jar", "not a zip".getBytes()));

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(jar);

        assertThat(routes.warnings()).contains(jar
                + "!/BOOT-INF/lib/broken.jar: corrupt jar: not a zip archive (no end of central directory); skipped");
        assertThat(withoutPlaceholders(routes)).containsExactlyElementsOf(truth);
    }

    @Test
    void missingPathIsAnInputError() {
        Path missing = temp.resolve("nope.jar");

        assertThat(scanError(missing)).isEqualTo(missing + ": no such file or directory");
    }

    @Test
    void textFileIsAnInputError() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.txt"), "hello");

        assertThat(scanError(text)).isEqualTo(text + ": not a build output, manifest or OpenAPI document (expected a"
                + " jar, war, class file or classes directory, a route manifest in JSON, or an OpenAPI document in"
                + " YAML or JSON)");
    }

    @Test
    void truncatedClassFileIsAnInputError() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.fixtureClasses().resolve("OwnerController.class"));
        Path truncated = Files.write(temp.resolve("OwnerController.class"), Arrays.copyOf(bytes, 40));

        assertThat(scanError(truncated)).startsWith(truncated + ": corrupt class file: ");
    }

    @Test
    void randomBytesNamedJarIsAnInputError() throws IOException {
        Path jar = Files.write(temp.resolve("random.jar"), new byte[] {0x13, 0x37, 0x42, 0x00, 0x01});

        assertThat(scanError(jar)).isEqualTo(jar + ": corrupt jar: not a zip archive (starts with 0x13374200)");
    }

    @Test
    void truncatedZipIsAnInputError() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.jar(temp.resolve("whole.jar")));
        Path jar = Files.write(temp.resolve("cut.jar"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(scanError(jar)).startsWith(jar + ": corrupt jar: ");
    }

    @Test
    void singleClassFileIsScanned() throws InputException {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(
                Fixtures.fixtureClasses().resolve("PlainController.class"));

        assertThat(routes.routes()).extracting(Route::toString)
                .containsExactly("GET /", "* /files/{name}", "GET /relative/path");
    }

    private static Set<String> withoutPlaceholders(ExpectedRoutes routes) {
        Set<String> lines = new TreeSet<>();
        routes.routes().stream().filter(r -> !r.handler().startsWith(Fixtures.PLACEHOLDER_PACKAGE))
                .forEach(r -> lines.add(r.method() + ' ' + r.template() + ' ' + r.handler()));
        return lines;
    }

    private static String scanError(Path path) {
        try {
            new BytecodeRouteScanner().scan(path);
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("no InputException for " + path);
    }

    private static Path copyFixtures(Path target) throws IOException {
        Path root = Fixtures.testClasses();
        try (Stream<Path> files = Files.walk(Fixtures.fixtureClasses())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }
}
