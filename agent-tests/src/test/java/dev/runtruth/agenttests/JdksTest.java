package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @Test
    void currentIsTheJvmRunningTheTests() {
        assertThat(Files.isExecutable(Jdks.java(Jdks.current()))).isTrue();
    }

    @Test
    void findsAJdkByPrefix(@TempDir Path jvms) throws IOException {
        fakeJdk(jvms.resolve("temurin-21-jdk-amd64"));
        fakeJdk(jvms.resolve("temurin-25.0.1-jdk"));
        Files.createDirectories(jvms.resolve("temurin-25-jre-without-java"));

        assertThat(Jdks.find(jvms, "temurin-25")).contains(jvms.resolve("temurin-25.0.1-jdk"));
        assertThat(Jdks.find(jvms, "temurin-17")).isEmpty();
    }

    private static void fakeJdk(Path home) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.createFile(java, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
