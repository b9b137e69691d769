package dev.runtruth.agent.classpath;

import static dev.runtruth.agent.classpath.TestArchives.ASSERTJ;
import static dev.runtruth.agent.classpath.TestArchives.BYTE_BUDDY;
import static dev.runtruth.agent.classpath.TestArchives.JUNIT_API;
import static dev.runtruth.agent.classpath.TestArchives.OPENTEST4J;
import static dev.runtruth.agent.classpath.TestArchives.PROMETHEUS_CORE;
import static dev.runtruth.agent.classpath.TestArchives.PROMETHEUS_FORMATS;
import static dev.runtruth.agent.classpath.TestArchives.bytes;
import static dev.runtruth.agent.classpath.TestArchives.legacyNestedUrl;
import static dev.runtruth.agent.classpath.TestArchives.nestedUrl;
import static dev.runtruth.agent.classpath.TestArchives.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathInventoryTest {

    @TempDir
    File temp;

    private final ClasspathInventory inventory = new ClasspathInventory();

    @Test
    void inventoriesTheJarsAndDirectoriesOfLoadedClasses() throws Exception {
        File testClasses = TestArchives.jarOf(ClasspathInventoryTest.class);

        List<ClasspathEntry> entries = inventory.entriesFor(new Class<?>[] {
                net.bytebuddy.ByteBuddy.class, org.assertj.core.api.Assertions.class, Test.class,
                String.class, ClasspathInventoryTest.class, TestArchives.class, null});

        assertThat(entries).extracting("name", "version", "sha256", "location", "kind").containsExactlyInAnyOrder(
                expected(BYTE_BUDDY, BYTE_BUDDY.getAbsolutePath(), ClasspathEntry.JAR),
                expected(ASSERTJ, ASSERTJ.getAbsolutePath(), ClasspathEntry.JAR),
                expected(JUNIT_API, JUNIT_API.getAbsolutePath(), ClasspathEntry.JAR),
                tuple("test-classes", "", "", testClasses.getAbsolutePath() + File.separator,
                        ClasspathEntry.DIRECTORY));
        assertThat(entries).extracting("location").isSorted();
        assertThat(inventory.errors()).isZero();
    }

    @Test
    void namesJarsFromPomPropertiesElseManifest() throws Exception {
        Properties pom = TestArchives.pomProperties(BYTE_BUDDY);
        Attributes manifest = TestArchives.manifest(JUNIT_API).getMainAttributes();

        List<ClasspathEntry> entries = inventory.entriesForLocations(urls(BYTE_BUDDY, JUNIT_API));

        assertThat(entries).extracting("name", "version").containsExactlyInAnyOrder(
                tuple(pom.getProperty("artifactId"), pom.getProperty("version")),
                tuple(manifest.getValue("Implementation-Title"), manifest.getValue("Implementation-Version")));
    }

    @Test
    void identifiesJarsByArtifactNeverByTheSharedManifestTitle() throws Exception {
        File core = TestArchives.jarOf(org.apache.catalina.startup.Tomcat.class);
        File el = TestArchives.jarOf(jakarta.el.ELContext.class);
        Properties pom = TestArchives.pomProperties(BYTE_BUDDY);
        String coreTitle = TestArchives.manifest(core).getMainAttributes().getValue("Implementation-Title");
        String elTitle = TestArchives.manifest(el).getMainAttributes().getValue("Implementation-Title");
        assertThat(coreTitle).as("the premise: Tomcat's jars share one manifest title").isEqualTo(elTitle);

        List<ClasspathEntry> entries = inventory.entriesForLocations(urls(core, el, BYTE_BUDDY));

        assertThat(entries).extracting("artifact", "name").containsExactlyInAnyOrder(
                tuple(core.getName().replaceFirst("-[0-9].*", ""), coreTitle),
                tuple(el.getName().replaceFirst("-[0-9].*", ""), elTitle),
                tuple(pom.getProperty("groupId") + ":" + pom.getProperty("artifactId"), pom.getProperty("artifactId")));
    }

    @Test
    void followsClassesLoadedThroughAUrlClassLoader() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {ASSERTJ.toURI().toURL()}, null);
                URLClassLoader jarUrlLoader = new URLClassLoader(
                        new URL[] {new URL("jar:" + OPENTEST4J.toURI() + "!/")}, null)) {
            Class<?> assertions = Class.forName("org.assertj.core.api.Assertions", false, loader);
            Class<?> failure = Class.forName("org.opentest4j.AssertionFailedError", false, jarUrlLoader);
            assertThat(assertions.getClassLoader()).isSameAs(loader);
            assertThat(failure.getClassLoader()).isSameAs(jarUrlLoader);

            List<ClasspathEntry> entries = inventory.entriesFor(new Class<?>[] {assertions, failure});

            assertThat(entries).extracting("name", "version", "sha256", "location", "kind").containsExactly(
                    sorted(expected(ASSERTJ, ASSERTJ.getAbsolutePath(), ClasspathEntry.JAR),
                            expected(OPENTEST4J, OPENTEST4J.getAbsolutePath(), ClasspathEntry.JAR)));
        }
    }

    @Test
    void aSourceFileOfTheJdksSourceLauncherIsNoArchiveAndNoError(@TempDir File dir) throws Exception {
        // java Foo.java (JEP 330): the in-memory classes' code source is the .java file itself
        File source = new File(dir, "Idle.java");
        Files.write(source.toPath(), "class Idle { public static void main(String[] a) {} }".getBytes("UTF-8"));
        List<ClasspathEntry> entries = inventory.entriesForLocations(Arrays.asList(source.toURI().toURL()));
        assertThat(entries).isEmpty();
        assertThat(inventory.errors()).isZero();
    }

    @Test
    void plainJarAsJarUrlIsTheSameEntryAsItsFileUrl() throws Exception {
        List<ClasspathEntry> entries = inventory.entriesForLocations(Arrays.asList(
                ASSERTJ.toURI().toURL(), new URL("jar:" + ASSERTJ.toURI() + "!/")));

        assertThat(entries).extracting("location", "kind")
                .containsExactly(tuple(ASSERTJ.getAbsolutePath(), ClasspathEntry.JAR));
    }

    @Test
    void springBootJarInBothNestedUrlFormats() throws Exception {
        File[] libs = {BYTE_BUDDY, ASSERTJ, JUNIT_API, OPENTEST4J, PROMETHEUS_CORE};
        File fatJar = TestArchives.springBootJar(new File(temp, "my app/demo-app-1.4.2.jar"), libs);
        List<URL> boot32 = new ArrayList<>();
        List<URL> boot2 = new ArrayList<>();
        List<Tuple> expected = new ArrayList<>();
        for (File lib : libs) {
            boot32.add(nestedUrl(fatJar, "BOOT-INF/lib/" + lib.getName()));
            boot2.add(legacyNestedUrl(fatJar, "BOOT-INF/lib/" + lib.getName()));
            expected.add(expected(lib, fatJar.getAbsolutePath() + "!/BOOT-INF/lib/" + lib.getName(),
                    ClasspathEntry.NESTED_JAR));
        }
        boot32.add(nestedUrl(fatJar, "BOOT-INF/classes/"));
        boot2.add(legacyNestedUrl(fatJar, "BOOT-INF/classes"));
        expected.add(tuple("BOOT-INF/classes", "", "", fatJar.getAbsolutePath() + "!/BOOT-INF/classes/",
                ClasspathEntry.DIRECTORY));
        // the loader classes come from the fat jar itself
        boot32.add(fatJar.toURI().toURL());
        boot2.add(fatJar.toURI().toURL());
        expected.add(tuple("demo-app", "1.4.2", sha256(bytes(fatJar)), fatJar.getAbsolutePath(), ClasspathEntry.JAR));
        assertThat(boot32.get(0).toExternalForm())
                .startsWith("jar:nested:").contains("/my%20app/").contains(".jar/!BOOT-INF/lib/");

        List<ClasspathEntry> fromBoot32 = new ClasspathInventory().entriesForLocations(boot32);
        ClasspathInventory legacy = new ClasspathInventory();
        List<ClasspathEntry> fromBoot2 = legacy.entriesForLocations(boot2);

        assertThat(fromBoot32).extracting("name", "version", "sha256", "location", "kind")
                .containsExactly(sorted(expected.toArray(new Tuple[0])));
        assertThat(fromBoot2).extracting("name", "version", "sha256", "location", "kind")
                .containsExactlyElementsOf(tuples(fromBoot32));
        assertThat(legacy.errors()).isZero();
    }

    @Test
    void warLayoutWithDeflatedJars() throws Exception {
        File war = TestArchives.war(new File(temp, "shop.war"), ASSERTJ, OPENTEST4J);

        List<ClasspathEntry> entries = inventory.entriesForLocations(Arrays.asList(
                legacyNestedUrl(war, "WEB-INF/lib/" + ASSERTJ.getName()),
                legacyNestedUrl(war, "WEB-INF/lib/" + OPENTEST4J.getName()),
                new URL("jar:" + war.toURI() + "!/WEB-INF/classes/")));

        String root = war.getAbsolutePath() + "!/";
        assertThat(entries).extracting("name", "version", "sha256", "location", "kind").containsExactly(sorted(
                expected(ASSERTJ, root + "WEB-INF/lib/" + ASSERTJ.getName(), ClasspathEntry.NESTED_JAR),
                expected(OPENTEST4J, root + "WEB-INF/lib/" + OPENTEST4J.getName(), ClasspathEntry.NESTED_JAR),
                tuple("WEB-INF/classes", "", "", root + "WEB-INF/classes/", ClasspathEntry.DIRECTORY)));
        assertThat(inventory.errors()).isZero();
    }

    @Test
    void classDirectoryWithOrWithoutTrailingSlash() throws Exception {
        File classes = new File(temp, "build output/classes");
        assertThat(classes.mkdirs()).isTrue();
        URL withSlash = classes.toURI().toURL();
        URL withoutSlash = new URL("file:" + classes.getAbsolutePath());

        List<ClasspathEntry> entries = inventory.entriesForLocations(Arrays.asList(withSlash, withoutSlash));

        assertThat(withSlash.toExternalForm()).endsWith("/classes/").contains("build%20output");
        assertThat(entries).extracting("name", "version", "sha256", "location", "kind").containsExactly(
                tuple("classes", "", "", classes.getAbsolutePath() + File.separator, ClasspathEntry.DIRECTORY));
    }

    @Test
    void missingLocationsAreCountedOnceAndLeftOut() throws Exception {
        File fatJar = TestArchives.springBootJar(new File(temp, "app.jar"), OPENTEST4J);
        List<URL> missing = Arrays.asList(
                new File(temp, "gone-1.0.jar").toURI().toURL(),
                new URL(new File(temp, "gone/classes").toURI() + "/"),
                nestedUrl(new File(temp, "gone.jar"), "BOOT-INF/lib/x-1.0.jar"),
                nestedUrl(fatJar, "BOOT-INF/lib/not-there-1.0.jar"),
                nestedUrl(fatJar, "BOOT-INF/nothing/"));

        assertThat(inventory.entriesForLocations(missing)).isEmpty();
        assertThat(inventory.errors()).isEqualTo(5);
        assertThat(inventory.entriesForLocations(missing)).isEmpty();
        assertThat(inventory.errors()).isEqualTo(5);
    }

    @Test
    void corruptJarsAreCountedAndTheRestIsStillRead() throws Exception {
        File notAZip = new File(temp, "broken-1.0.jar");
        Files.write(notAZip.toPath(), "this is not a zip file".getBytes("UTF-8"));
        File truncated = new File(temp, "truncated-1.0.jar");
        byte[] real = bytes(ASSERTJ);
        Files.write(truncated.toPath(), Arrays.copyOf(real, real.length / 2));
        File fatJar = new File(temp, "app.jar");
        try (TestArchives.Archive archive = new TestArchives.Archive(fatJar)) {
            archive.stored("BOOT-INF/lib/broken-1.0.jar", "garbage, not a jar".getBytes("UTF-8"));
            archive.stored("BOOT-INF/lib/truncated-1.0.jar", Arrays.copyOf(real, real.length / 2));
            archive.stored("BOOT-INF/lib/" + OPENTEST4J.getName(), bytes(OPENTEST4J));
        }

        List<ClasspathEntry> entries = inventory.entriesForLocations(Arrays.asList(
                notAZip.toURI().toURL(), truncated.toURI().toURL(),
                nestedUrl(fatJar, "BOOT-INF/lib/broken-1.0.jar"),
                nestedUrl(fatJar, "BOOT-INF/lib/truncated-1.0.jar"),
                nestedUrl(fatJar, "BOOT-INF/lib/" + OPENTEST4J.getName())));

        assertThat(entries).extracting("location")
                .containsExactly(fatJar.getAbsolutePath() + "!/BOOT-INF/lib/" + OPENTEST4J.getName());
        assertThat(inventory.errors()).isEqualTo(4);
    }

    @Test
    void skipsJdkModulesAndCountsUnsupportedUrls() throws Exception {
        List<ClasspathEntry> entries = inventory.entriesForLocations(Arrays.asList(
                new URL("jrt:/java.sql"), null, new URL("http://repo.example.com/x-1.0.jar"),
                new URL("jar:" + ASSERTJ.toURI() + "!/lib/inner.jar!/deeper.jar!/")));

        assertThat(entries).isEmpty();
        assertThat(inventory.errors()).isEqualTo(2);
        assertThat(inventory.entriesFor(null)).isEmpty();
        assertThat(inventory.entriesFor(new Class<?>[] {String.class, int.class, null})).isEmpty();
        assertThat(inventory.errors()).isEqualTo(2);
    }

    @Test
    void readsEachLocationOnceAndServesItFromTheCache() throws Exception {
        File copy = new File(temp, ASSERTJ.getName());
        Files.copy(ASSERTJ.toPath(), copy.toPath());
        File fatJar = TestArchives.springBootJar(new File(temp, "app.jar"), OPENTEST4J, JUNIT_API);
        List<URL> urls = Arrays.asList(copy.toURI().toURL(),
                nestedUrl(fatJar, "BOOT-INF/lib/" + OPENTEST4J.getName()),
                legacyNestedUrl(fatJar, "BOOT-INF/lib/" + OPENTEST4J.getName()));
        List<ClasspathEntry> first = inventory.entriesForLocations(urls);
        assertThat(first).hasSize(2);

        // a cached location is not read again: deleting the files changes nothing
        assertThat(copy.delete()).isTrue();
        assertThat(fatJar.delete()).isTrue();
        List<ClasspathEntry> second = inventory.entriesForLocations(urls);

        assertThat(second).hasSize(2);
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(1)).isSameAs(first.get(1));
        assertThat(inventory.errors()).isZero();
    }

    @Test
    void shadedJarIsNamedByThePomMatchingItsFileName() throws Exception {
        File shaded = new File(temp, "assertj-core-3.27.7-all.jar");
        try (TestArchives.Archive archive = new TestArchives.Archive(shaded)) {
            // maven-shade keeps the pom.properties of what it shades, often before the project's own
            archive.deflated("META-INF/maven/net.bytebuddy/byte-buddy/pom.properties",
                    TestArchives.entryBytes(BYTE_BUDDY, "META-INF/maven/net.bytebuddy/byte-buddy/pom.properties"));
            archive.deflated("META-INF/maven/org.assertj/assertj-core/pom.properties",
                    TestArchives.entryBytes(ASSERTJ, "META-INF/maven/org.assertj/assertj-core/pom.properties"));
        }
        File renamed = new File(temp, "bundle.jar");
        Files.copy(shaded.toPath(), renamed.toPath());

        List<ClasspathEntry> entries = inventory.entriesForLocations(urls(shaded, renamed));

        Properties assertj = TestArchives.pomProperties(ASSERTJ);
        Properties byteBuddy = TestArchives.pomProperties(BYTE_BUDDY);
        assertThat(entries).extracting("location", "name", "version").containsExactly(
                tuple(shaded.getAbsolutePath(), assertj.getProperty("artifactId"), assertj.getProperty("version")),
                tuple(renamed.getAbsolutePath(), byteBuddy.getProperty("artifactId"),
                        byteBuddy.getProperty("version")));
    }

    @Test
    void fallsBackToBundleHeadersThenToTheFileName() throws Exception {
        File osgi = new File(temp, "osgi-thing.jar");
        try (TestArchives.Archive archive = new TestArchives.Archive(osgi)) {
            archive.manifest("Bundle-SymbolicName: org.example.thing;singleton:=true", "Bundle-Version: 3.1.0.v2024");
        }
        File bare = new File(temp, "spring-core-6.2.1.jar");
        try (TestArchives.Archive archive = new TestArchives.Archive(bare)) {
            archive.deflated("org/example/Empty.txt", "no metadata here");
        }

        List<ClasspathEntry> entries = inventory.entriesForLocations(urls(osgi, bare));

        assertThat(entries).extracting("name", "version").containsExactly(
                tuple("org.example.thing", "3.1.0.v2024"), tuple("spring-core", "6.2.1"));
    }

    @Test
    void fatJarWithAHundredNestedJarsIsInventoriedWhole() throws Exception {
        // a typical Spring Boot fat jar: ~100 nested jars, ~40 MB; real jar bytes under distinct names
        File[] real = {ASSERTJ, JUNIT_API, OPENTEST4J, PROMETHEUS_CORE, PROMETHEUS_FORMATS,
                TestArchives.jarOf(io.prometheus.metrics.model.snapshots.Labels.class),
                TestArchives.jarOf(org.junit.platform.commons.util.StringUtils.class)};
        File fatJar = new File(temp, "big.jar");
        List<URL> urls = new ArrayList<>();
        try (TestArchives.Archive archive = new TestArchives.Archive(fatJar)) {
            archive.stored("BOOT-INF/lib/" + BYTE_BUDDY.getName(), bytes(BYTE_BUDDY));
            urls.add(nestedUrl(fatJar, "BOOT-INF/lib/" + BYTE_BUDDY.getName()));
            for (int i = 1; i < 100; i++) {
                File lib = real[i % real.length];
                String name = "BOOT-INF/lib/copy" + i + "-" + lib.getName();
                archive.stored(name, bytes(lib));
                urls.add(nestedUrl(fatJar, name));
            }
        }

        // how long this takes is measured by bench/scrape.py (docs/performance.md), not asserted in a unit test
        List<ClasspathEntry> entries = inventory.entriesForLocations(urls);

        assertThat(entries).hasSize(100);
        assertThat(inventory.errors()).isZero();
    }

    /** name and version as the jar itself states them, read with JarFile; digest over the real bytes. */
    private static Tuple expected(File jar, String location, String kind) throws Exception {
        String sha = sha256(bytes(jar));
        if (TestArchives.entryBytes(jar, "META-INF/MANIFEST.MF") != null && !hasPom(jar)) {
            Attributes manifest = TestArchives.manifest(jar).getMainAttributes();
            return tuple(manifest.getValue("Implementation-Title"), manifest.getValue("Implementation-Version"), sha,
                    location, kind);
        }
        Properties pom = TestArchives.pomProperties(jar);
        return tuple(pom.getProperty("artifactId"), pom.getProperty("version"), sha, location, kind);
    }

    private static boolean hasPom(File jar) throws IOException {
        try {
            TestArchives.pomProperties(jar);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Tuple[] sorted(Tuple... tuples) {
        List<Tuple> list = new ArrayList<>(Arrays.asList(tuples));
        Collections.sort(list, (a, b) -> ((String) a.toArray()[3]).compareTo((String) b.toArray()[3]));
        return list.toArray(new Tuple[0]);
    }

    private static List<Tuple> tuples(List<ClasspathEntry> entries) {
        List<Tuple> tuples = new ArrayList<>();
        for (ClasspathEntry entry : entries) {
            tuples.add(tuple(entry.name(), entry.version(), entry.sha256(), entry.location(), entry.kind()));
        }
        return tuples;
    }

    private static List<URL> urls(File... files) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (File file : files) {
            urls.add(file.toURI().toURL());
        }
        return urls;
    }
}
