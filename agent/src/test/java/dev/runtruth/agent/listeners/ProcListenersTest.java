package dev.runtruth.agent.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcListenersTest {

    @TempDir
    Path proc;

    @Test
    void keepsTheListenersWhoseInodeAFileDescriptorOfTheProcessLinksTo() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.write(proc.resolve("net/tcp"), ProcNetTcpTest.sample("tcp").getBytes(StandardCharsets.US_ASCII));
        Files.write(proc.resolve("net/tcp6"), ProcNetTcpTest.sample("tcp6").getBytes(StandardCharsets.US_ASCII));
        Path fd = Files.createDirectories(proc.resolve("fd"));
        link(fd, "3", "/usr/lib/jvm/java-17-openjdk-amd64/lib/modules");
        link(fd, "4", "socket:[39419]"); // 0.0.0.0:8080
        link(fd, "6", "socket:[39420]"); // 127.0.0.1:39041
        link(fd, "7", "socket:[39421]"); // an established connection
        link(fd, "9", "socket:[39332]"); // :::42235
        link(fd, "10", "socket:[39333]"); // ::ffff:127.0.0.1:37861
        link(fd, "11", "pipe:[39374]");
        // 1535 (port 2024) belongs to another process of the network namespace, 39334 (::1) to none of ours

        assertThat(new ProcListeners(proc).unavailable()).isNull();
        assertThat(new ProcListeners(proc).read()).extracting(Listener::toString).containsExactly(
                "0.0.0.0:8080", "127.0.0.1:37861", "127.0.0.1:39041", "[::]:42235");
    }

    @Test
    void noTcp6TableMeansIpv4Only() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.write(proc.resolve("net/tcp"), ProcNetTcpTest.sample("tcp").getBytes(StandardCharsets.US_ASCII));
        link(Files.createDirectories(proc.resolve("fd")), "4", "socket:[39419]");

        assertThat(new ProcListeners(proc).read()).extracting(Listener::toString).containsExactly("0.0.0.0:8080");
    }

    @Test
    void withoutProcfsDiscoveryIsUnavailableAndSaysWhy() {
        assertThat(new ProcListeners(proc.resolve("absent")).unavailable()).contains("net/tcp")
                .contains("Linux procfs");
    }

    @Test
    void readsThisJvmsOwnListenerOnLinux() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Paths.get("/proc/self/net/tcp")), "Linux");
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            assertThat(ProcListeners.self().read()).extracting(Listener::port).contains(socket.getLocalPort());
        }
    }

    private static void link(Path dir, String name, String target) throws IOException {
        Files.createSymbolicLink(dir.resolve(name), Paths.get(target));
    }
}
