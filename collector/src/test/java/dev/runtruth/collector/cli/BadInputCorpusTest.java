package dev.runtruth.collector.cli;

import static dev.runtruth.collector.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.runtruth.collector.testing.CliRun.Result;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.MetricNames;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's bad-input corpus, through the command line as a user runs it. An unusable input gives exit code 2
 * and one line on stderr that names it, and nothing on stdout (no half-written report); so does an entry of an
 * archive that inflates past the bounds (a zip bomb: what it hides could be routes). A corrupt class or nested jar
 * inside a usable archive is named in one warning and skipped, and the run goes on. Every case is bounded in time (the timeouts) and
 * in memory (reads stop at {@code BoundedRead}'s and {@code AgentScraper}'s limits).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputCorpusTest {

    @TempDir
    static Path dir;
    private static Path fatJar;

    @BeforeAll
    static void fixtures() throws IOException {
        fatJar = Fixtures.fatJar(dir.resolve("app.jar"), Map.of());
    }

    /** Exit 2, one line naming {@code input} and containing {@code problem}, nothing on stdout. */
    private static void assertRefused(Result result, String input, String problem) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).as("nothing half-written on stdout").isEmpty();
        assertThat(result.err().lines().toList()).as(result.err()).hasSize(1);
        assertThat(result.err()).contains(input).contains(problem);
    }

    @Test
    void truncatedClassFile() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.fixtureClasses().resolve("PetController.class"));
        Path truncated = Files.write(dir.resolve("PetController.class"), Arrays.copyOf(whole, whole.length / 2));
        assertRefused(run("expected", truncated.toString()), truncated.toString(), "class");
    }

    @Test
    void corruptClassFile() throws IOException {
        Path corrupt = Files.write(dir.resolve("Corrupt.class"), "not a class file".getBytes(StandardCharsets.UTF_8));
        assertRefused(run("expected", corrupt.toString()), corrupt.toString(), "corrupt class file");
    }

    @Test
    void truncatedJar() throws IOException {
        byte[] whole = Files.readAllBytes(fatJar);
        Path truncated = Files.write(dir.resolve("truncated.jar"), Arrays.copyOf(whole, whole.length / 2));
        assertRefused(run("expected", truncated.toString()), truncated.toString(), "");
    }

    @Test
    void nonUtf8EntryName() throws IOException {
        Path jar = dir.resolve("latin1-names.jar");
        Fixtures.writeZip(jar, Map.of("BOOT-INF/classes/AAAA.class", new byte[] {1, 2, 3}), Map.of());
        byte[] bytes = Files.readAllBytes(jar);
        replaceAll(bytes, "AAAA".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC4, (byte) 0xFF,
                (byte) 0xE9, (byte) 0x80}); // ISO-8859-1 'Ä' etc.: not UTF-8, though the zip flags it UTF-8
        Files.write(jar, bytes);
        assertRefused(run("expected", jar.toString()), jar.toString(), "");
    }

    /** A class file that inflates past 64 MiB: the whole jar is refused, with or without --json. */
    @Test
    void zipBombEntryRefusesTheJar() throws IOException {
        Path bomb = dir.resolve("bomb.jar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : new String[] {"PetController", "OwnerController"}) {
            entries.put("BOOT-INF/classes/dev/runtruth/collector/fixtures/" + name + ".class",
                    Files.readAllBytes(Fixtures.fixtureClasses().resolve(name + ".class")));
        }
        entries.put("BOOT-INF/classes/Bomb.class", new byte[65 * 1024 * 1024]); // deflates to ~65 KB
        Fixtures.writeZip(bomb, entries, Map.of());
        assertThat(Files.size(bomb)).isLessThan(1024 * 1024);

        for (String[] args : new String[][] {{"expected", bomb.toString()}, {"expected", "--json", bomb.toString()}}) {
            Result result = run(args);
            assertRefused(result, bomb + ": BOOT-INF/classes/Bomb.class inflates to more than the 64 MiB read for"
                    + " one entry (a zip bomb?); refused", "");
        }
    }

    /**
     * A class of a nested library jar that declares more than 64 MiB, read because an application class needs it (a
     * Spring annotation, looked up in the libraries in archive order, where the bomb comes first): refused too.
     */
    @Test
    void zipBombInANestedJarRefusesTheJar() throws IOException {
        Map<String, byte[]> bombLib = new LinkedHashMap<>();
        bombLib.put("org/springframework/web/bind/annotation/RestController.class", new byte[65 * 1024 * 1024]);
        Path bombLibJar = dir.resolve("bomb-lib.jar");
        Fixtures.writeZip(bombLibJar, bombLib, Map.of());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, byte[]> stored = new LinkedHashMap<>();
        stored.put("BOOT-INF/lib/bomb-lib.jar", Files.readAllBytes(bombLibJar)); // first: its classes win
        try (ZipFile app = new ZipFile(fatJar.toFile())) {
            for (ZipEntry entry : Collections.list(app.entries())) {
                byte[] bytes = app.getInputStream(entry).readAllBytes();
                (entry.getMethod() == ZipEntry.STORED ? stored : entries).put(entry.getName(), bytes);
            }
        }
        Path bomb = dir.resolve("nested-bomb.jar");
        Fixtures.writeZip(bomb, entries, stored);
        assertThat(Files.size(bomb)).isLessThan(Files.size(fatJar) + 1024 * 1024);

        assertRefused(run("expected", bomb.toString()), bomb + ": BOOT-INF/lib/bomb-lib.jar!/org/springframework/web"
                + "/bind/annotation/RestController.class declares 68157440 bytes, more than the 64 MiB read for one"
                + " entry (a zip bomb?); refused", "");
    }

    @Test
    void nestedJarsInsideNestedJarsAreNotFollowed() throws IOException {
        // a fat jar inside a fat jar inside a fat jar: the collector reads one level of BOOT-INF/lib only
        Path inner = Fixtures.fatJar(dir.resolve("inner.jar"), Map.of());
        Path middle = Fixtures.fatJar(dir.resolve("middle.jar"), Map.of("inner.jar", Files.readAllBytes(inner)));
        Path outer = Fixtures.fatJar(dir.resolve("outer.jar"), Map.of("middle.jar", Files.readAllBytes(middle),
                "outer-again.jar", Files.readAllBytes(middle)));
        long started = System.nanoTime();

        Result nested = run("expected", outer.toString());
        Result plain = run("expected", fatJar.toString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(nested.exitCode()).as(nested.err()).isZero();
        assertThat(routeLines(nested.out())).isEqualTo(routeLines(plain.out()));
    }

    /** Billion laughs: 9 levels of 8 aliases, 8^9 strings if expanded; parsed in bounded time, then refused. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void yamlAliasBomb() throws IOException {
        StringBuilder yaml = new StringBuilder(Fixtures.billionLaughsYaml());
        yaml.append("services: *j\n");
        Path config = Files.writeString(dir.resolve("bomb.yaml"), yaml);
        assertRefused(run("serve", "--check", config.toString()), config.toString(), "");
    }

    @Test
    void hugeMetricsAnswer() throws IOException {
        HttpServer server = server((exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < 40L * 1024 * 1024; sent += line.length) {
                    out.write(line);
                }
            } catch (IOException e) {
                // the collector stopped reading: expected
            }
        });
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
            assertRefused(run("check", "--expected", fatJar.toString(), "--agent", url), url, "larger than 32 MiB");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void slowMetricsAnswer() throws IOException {
        HttpServer server = server((exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 300; i++) { // trickles one comment line every 100 ms for 30 s
                    out.write("# slow\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the collector gave up: expected
            }
        });
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
            long started = System.nanoTime();
            Result result = run("check", "--expected", fatJar.toString(), "--agent", url, "--timeout", "1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertRefused(result, url, "not complete within 1 s");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void malformedMetricsAnswer() throws IOException {
        HttpServer server = server((exchange) -> {
            byte[] body = (MetricNames.ROUTE_INFO + "{method=\"GET\",route=\"/x 1\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
            assertRefused(run("check", "--expected", fatJar.toString(), "--agent", url), url, "not Prometheus text");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nonUtf8MetricsAnswer() throws IOException {
        byte[] body = (MetricNames.ROUTE_INFO + "{method=\"GET\",route=\"/caf\u00e9\"} 1\n").getBytes(StandardCharsets.ISO_8859_1);
        HttpServer server = server((exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
            assertRefused(run("check", "--expected", fatJar.toString(), "--agent", url), url,
                    "not UTF-8 text (the exposition formats are UTF-8): invalid bytes at byte offset 44");
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "corpus-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private static java.util.List<String> routeLines(String out) {
        return out.lines().filter(l -> l.contains("/") && !l.startsWith("#")).sorted().toList();
    }

    private static void replaceAll(byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
    }
}
