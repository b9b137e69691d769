package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shaded jar: the fixture controllers plus embedded {@code pom.properties} of two artifacts and a manifest. Which
 * classes declare the repository's routes follows the entry point and the embedded groupIds (see {@link ShadedJar}).
 */
class ShadedJarTest {

    @TempDir
    Path temp;

    @Test
    void classesUnderTheEntryPointsGroupAreTheApplications() throws Exception {
        Path jar = shaded("app.jar", "dev.runtruth.collector.fixtures.OwnerController", "dev.runtruth.collector");

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(jar);

        assertThat(routes.routes()).hasSize(Fixtures.springTruth().size());
        assertThat(routes.notes()).containsExactly(jar + " is a shaded jar (2 Maven artifacts inside): the"
                + " application's classes are those under dev.runtruth.collector (entry point"
                + " dev.runtruth.collector.fixtures.OwnerController, embedded groupId dev.runtruth.collector)");
    }

    @Test
    void libraryClassesDeclareNoExpectedRoute() throws Exception {
        // the same classes, bundled by an application whose entry point lives elsewhere: they are a library's
        Path jar = shaded("other.jar", "com.example.shop.Main", "com.example");

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(jar);

        assertThat(routes.routes()).isEmpty();
        assertThat(routes.notes()).singleElement().asString()
                .contains("the application's classes are those under com.example (entry point com.example.shop.Main,"
                        + " embedded groupId com.example)")
                .contains("library classes with routes left out, e.g. dev.runtruth.collector.fixtures.");
    }

    @Test
    void aPlainJarWithOneArtifactIsReadWhole() throws Exception {
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Fixtures.jar(temp.resolve("plain.jar")));
        assertThat(routes.routes()).hasSize(Fixtures.springTruth().size());
        assertThat(routes.notes()).isEmpty();
    }

    /** The fixture jar's entries plus two embedded pom.properties (the app's group and a library's) and a manifest. */
    private Path shaded(String name, String mainClass, String appGroup) throws IOException {
        Path plain = Fixtures.jar(temp.resolve("plain-" + name));
        Path jar = temp.resolve(name);
        try (ZipFile in = new ZipFile(plain.toFile());
             OutputStream file = Files.newOutputStream(jar);
             ZipOutputStream out = new ZipOutputStream(file)) {
            put(out, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: " + mainClass + "\n");
            for (Map.Entry<String, String> pom : Map.of(appGroup, "app", "org.glassfish.jersey.core",
                    "jersey-server").entrySet()) {
                put(out, "META-INF/maven/" + pom.getKey() + "/" + pom.getValue() + "/pom.properties",
                        "groupId=" + pom.getKey() + "\nartifactId=" + pom.getValue() + "\nversion=1\n");
            }
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
