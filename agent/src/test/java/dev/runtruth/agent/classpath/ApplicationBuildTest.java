package dev.runtruth.agent.classpath;

import static dev.runtruth.agent.classpath.TestArchives.JUNIT_API;
import static dev.runtruth.agent.classpath.TestArchives.OPENTEST4J;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationBuildTest {

    @TempDir
    File temp;

    @Test
    void springBootJarWithGitPropertiesBuildInfoAndManifest() throws Exception {
        File fatJar = TestArchives.springBootJar(new File(temp, "my app/demo-app-1.4.2.jar"), OPENTEST4J);
        Properties git = properties(TestArchives.GIT_PROPERTIES);
        Properties buildInfo = properties(TestArchives.BUILD_INFO);

        ApplicationBuild identity = ApplicationBuild.read(fatJar);

        assertThat(identity.version()).isEqualTo(git.getProperty("git.build.version"));
        // full mode of git-commit-id-maven-plugin: no git.commit.id, but git.commit.id.full
        assertThat(identity.commit()).isEqualTo(git.getProperty("git.commit.id.full")).hasSize(40);
        assertThat(identity.commitShort()).isEqualTo(git.getProperty("git.commit.id.abbrev"));
        assertThat(identity.branch()).isEqualTo("main");
        assertThat(identity.buildTime()).isEqualTo(buildInfo.getProperty("build.time"))
                .isEqualTo("2026-11-20T10:15:31.123Z");
        assertThat(identity.implementationTitle()).isEqualTo("Demo App");
        assertThat(identity.mainJarName()).isEqualTo("demo-app-1.4.2");
        String root = fatJar.getAbsolutePath() + "!/";
        assertThat(identity.source()).isEqualTo(root + "BOOT-INF/classes/git.properties, "
                + root + "BOOT-INF/classes/META-INF/build-info.properties, " + root + "META-INF/MANIFEST.MF");
    }

    @Test
    void plainJarWithManifestOnly() throws Exception {
        Attributes manifest = TestArchives.manifest(JUNIT_API).getMainAttributes();

        ApplicationBuild identity = ApplicationBuild.read(JUNIT_API);

        assertThat(identity.version()).isEqualTo(manifest.getValue("Implementation-Version")).isNotEmpty();
        assertThat(identity.implementationTitle()).isEqualTo(manifest.getValue("Implementation-Title")).isNotEmpty();
        assertThat(identity.mainJarName())
                .isEqualTo(JUNIT_API.getName().substring(0, JUNIT_API.getName().length() - ".jar".length()));
        assertThat(identity.commit()).isEmpty();
        assertThat(identity.commitShort()).isEmpty();
        assertThat(identity.branch()).isEmpty();
        assertThat(identity.buildTime()).isEmpty();
        assertThat(identity.source()).isEqualTo(JUNIT_API.getAbsolutePath() + "!/META-INF/MANIFEST.MF");
    }

    @Test
    void classDirectoryWithFlatGitProperties() throws Exception {
        File classes = new File(temp, "target/classes");
        assertThat(classes.mkdirs()).isTrue();
        // flat mode: git.commit.id is the full id, no abbreviation written
        write(new File(classes, "git.properties"), "git.branch=feature/routes\n"
                + "git.build.time=2026-11-19T08\\:00\\:00+0100\n"
                + "git.build.version=0.9.0-SNAPSHOT\n"
                + "git.commit.id=0123456789abcdef0123456789abcdef01234567\n");

        ApplicationBuild identity = ApplicationBuild.read(classes);

        assertThat(identity.commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(identity.commitShort()).isEqualTo("0123456");
        assertThat(identity.branch()).isEqualTo("feature/routes");
        assertThat(identity.version()).isEqualTo("0.9.0-SNAPSHOT");
        assertThat(identity.buildTime()).isEqualTo("2026-11-19T08:00:00+0100");
        assertThat(identity.implementationTitle()).isEmpty();
        assertThat(identity.mainJarName()).isEmpty();
        assertThat(identity.source()).isEqualTo(new File(classes, "git.properties").getAbsolutePath());
    }

    @Test
    void buildInfoOnlyGivesVersionTimeAndName() throws Exception {
        File classes = new File(temp, "classes");
        assertThat(new File(classes, "META-INF").mkdirs()).isTrue();
        write(new File(classes, "META-INF/build-info.properties"), "build.artifact=orders\nbuild.group=com.example\n"
                + "build.time=2026-11-20T10\\:15\\:31Z\nbuild.version=3.0.1\n");

        ApplicationBuild identity = ApplicationBuild.read(classes);

        assertThat(identity.version()).isEqualTo("3.0.1");
        assertThat(identity.buildTime()).isEqualTo("2026-11-20T10:15:31Z");
        assertThat(identity.implementationTitle()).isEqualTo("orders");
        assertThat(identity.commit()).isEmpty();
    }

    @Test
    void warWithGitPropertiesInWebInfClasses() throws Exception {
        File war = TestArchives.war(new File(temp, "shop-2.0.0.war"), OPENTEST4J);

        ApplicationBuild identity = ApplicationBuild.read(war);

        assertThat(identity.branch()).isEqualTo("release/2.0");
        assertThat(identity.commitShort()).isEqualTo("8c3f2a1");
        assertThat(identity.implementationTitle()).isEqualTo("demo-war");
        assertThat(identity.mainJarName()).isEqualTo("shop-2.0.0");
        assertThat(identity.source()).startsWith(war.getAbsolutePath() + "!/WEB-INF/classes/git.properties");
    }

    @Test
    void nothingToReadGivesEmptyFields() throws Exception {
        File empty = new File(temp, "empty");
        assertThat(empty.mkdirs()).isTrue();
        File corrupt = new File(temp, "corrupt.jar");
        write(corrupt, "not a zip");

        for (ApplicationBuild identity : new ApplicationBuild[] {ApplicationBuild.read(empty),
                ApplicationBuild.read(new File(temp, "missing.jar")), ApplicationBuild.read(null)}) {
            assertAllEmpty(identity);
        }
        ApplicationBuild fromCorrupt = ApplicationBuild.read(corrupt);
        assertThat(fromCorrupt.mainJarName()).isEqualTo("corrupt");
        assertThat(fromCorrupt.commit()).isEmpty();
        assertThat(fromCorrupt.version()).isEmpty();
    }

    @Test
    void detectNeverThrowsAndNeverReturnsNull() {
        ApplicationBuild identity = ApplicationBuild.detect();

        assertThat(identity).isNotNull();
        assertThat(new String[] {identity.version(), identity.commit(), identity.commitShort(), identity.branch(),
                identity.buildTime(), identity.implementationTitle(), identity.mainJarName(), identity.source()})
                .doesNotContainNull();
    }

    @Test
    void locatesTheJarOfJavaDashJarEvenWithSpacesInItsPath() throws Exception {
        File jar = new File(temp, "my app/orders-1.0.jar");
        Files.createDirectories(jar.getParentFile().toPath());
        Files.copy(JUNIT_API.toPath(), jar.toPath());

        assertThat(ApplicationLocator.fromCommand(jar.getAbsolutePath() + " --server.port=0 --x=y.jar"))
                .isEqualTo(jar.getAbsoluteFile());
        assertThat(ApplicationLocator.fromCommand(jar.getAbsolutePath())).isEqualTo(jar.getAbsoluteFile());
        assertThat(ApplicationLocator.fromCommand("com.example.Main " + jar.getAbsolutePath())).isNull();
        assertThat(ApplicationLocator.fromCommand(null)).isNull();
    }

    @Test
    void locatesTheApplicationOnTheClassPath() throws Exception {
        File libs = new File(temp, "libs");
        File classes = new File(temp, "classes");
        assertThat(libs.mkdirs()).isTrue();
        assertThat(new File(classes, "META-INF").mkdirs()).isTrue();
        write(new File(classes, "META-INF/build-info.properties"), "build.version=1.0\n");
        String path = libs + File.pathSeparator + JUNIT_API + File.pathSeparator + classes;

        assertThat(ApplicationLocator.fromClassPath(JUNIT_API.getPath())).isEqualTo(JUNIT_API.getAbsoluteFile());
        assertThat(ApplicationLocator.fromClassPath(path)).isEqualTo(classes.getAbsoluteFile());
        assertThat(ApplicationLocator.fromClassPath(libs.getPath())).isNull();
        assertThat(ApplicationLocator.fromClassPath(null)).isNull();
        assertThat(ApplicationLocator.fromModule("no.such.module")).isNull();
        assertThat(ApplicationLocator.fromModule(null)).isNull();
    }

    private static void assertAllEmpty(ApplicationBuild identity) {
        assertThat(new String[] {identity.version(), identity.commit(), identity.commitShort(), identity.branch(),
                identity.buildTime(), identity.implementationTitle(), identity.mainJarName(), identity.source()})
                .containsOnly("");
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(text));
        return properties;
    }

    private static void write(File file, String text) throws IOException {
        try (OutputStream out = new FileOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
