package dev.runtruth.collector.ladder.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer stacking, whiteouts, links and long names, on a docker-archive whose every tar is written by GNU tar (an
 * independent tar writer: POSIX pax format for the long name, gzip for one layer); and the refusals: a header whose
 * checksum does not match (in a layer, in the image tar), a file declaring more than the bound, a stream longer than
 * its bound.
 */
class ImageFileSystemTest {

    private static final String LONG = "app/" + "very-long-directory-name/".repeat(6) + "file.txt";

    @Test
    void layersStackWithWhiteoutsOpaqueDirectoriesAndLinks(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        write(one, "app/a.txt", "lower a");
        write(one, "app/dir/keep.txt", "kept?");
        write(one, "app/dir/gone.txt", "gone");
        write(one, "app/b.txt", "lower b");
        write(one, LONG, "long name");
        tar(dir, "layer1.tar", one, "--format=pax", "app");

        Path two = dir.resolve("two");
        write(two, "app/.wh.a.txt", "");
        write(two, "app/dir/.wh..wh..opq", "");
        write(two, "app/dir/new.txt", "upper new");
        write(two, "app/b.txt", "upper b");
        run(two, "ln", "-s", "dir", "app/current");
        tar(dir, "layer2.tar.gz", two, "-z", "app");

        Files.writeString(dir.resolve("config.json"), "{\"config\":{\"Entrypoint\":[\"java\",\"-jar\",\"/app/x.jar\"]}}");
        Files.writeString(dir.resolve("manifest.json"),
                "[{\"Config\":\"config.json\",\"RepoTags\":[\"t:1\"],\"Layers\":[\"layer1.tar\",\"layer2.tar.gz\"]}]");
        Path image = dir.resolve("image.tar");
        run(dir, "tar", "-cf", image.toString(), "manifest.json", "config.json", "layer1.tar", "layer2.tar.gz");

        assertThat(ImageArchive.looksLikeImage(image)).isTrue();
        try (ImageArchive archive = ImageArchive.open(image)) {
            assertThat(archive.format()).isEqualTo("docker-archive");
            assertThat(archive.runConfig().path("Entrypoint").get(2).asText()).isEqualTo("/app/x.jar");
            ImageFileSystem fs = ImageFileSystem.index(archive);

            assertThat(fs.isFile("/app/a.txt")).as("whited out").isFalse();
            assertThat(fs.filesUnder("/app/dir")).as("opaque directory").containsExactly("/app/dir/new.txt");
            assertThat(fs.resolve("/app/current/new.txt")).isEqualTo("/app/dir/new.txt");
            assertThat(fs.isDirectory("/app/current")).isTrue();
            assertThat(fs.isFile("/" + LONG)).isTrue();

            Map<String, Path> files = fs.extract(List.of("/app/b.txt", "/app/dir/new.txt", "/" + LONG),
                    dir.resolve("out"));
            assertThat(Files.readString(files.get("/app/b.txt"))).as("upper layer wins").isEqualTo("upper b");
            assertThat(Files.readString(files.get("/app/dir/new.txt"))).isEqualTo("upper new");
            assertThat(Files.readString(files.get("/" + LONG))).isEqualTo("long name");
        }
    }

    @Test
    void aLayerHeaderWithAWrongChecksumRefusesTheImage(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        write(one, "app/a.txt", "a");
        write(one, "app/b.txt", "b");
        tar(dir, "layer1.tar", one, "--format=ustar", "app");
        Path layer = dir.resolve("layer1.tar");
        byte[] bytes = Files.readAllBytes(layer);
        int header = indexOf(bytes, "app/b.txt");
        bytes[header + 4] = 'c'; // the name becomes app/c.txt, the stored checksum stays that of app/b.txt
        Files.write(layer, bytes);
        Path image = dockerArchive(dir, "layer1.tar");

        try (ImageArchive archive = ImageArchive.open(image)) {
            assertThatThrownBy(() -> ImageFileSystem.index(archive)).isInstanceOf(IOException.class)
                    .hasMessageContaining("layer layer1.tar").hasMessageContaining("app/c.txt")
                    .hasMessageContaining("checksum");
        }
        assertThatThrownBy(() -> ImageApplication.open(image)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(image + ": cannot read the image: ").hasMessageContaining("checksum");
    }

    @Test
    void aCorruptHeaderOfTheImageTarItselfRefusesIt(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        write(one, "app/a.txt", "a");
        tar(dir, "layer1.tar", one, "--format=ustar", "app");
        Path image = dockerArchive(dir, "layer1.tar");
        byte[] bytes = Files.readAllBytes(image);
        bytes[indexOf(bytes, "config.json") + 1] = 'X';
        Files.write(image, bytes);

        assertThatThrownBy(() -> ImageArchive.open(image)).isInstanceOf(InputException.class)
                .hasMessageContaining(image.toString()).hasMessageContaining("checksum");
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedAndNothingIsLeftWritten(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        write(one, "app/app.jar", "x".repeat(2000));
        write(one, "app/small.txt", "small");
        tar(dir, "layer1.tar.gz", one, "-z", "app");
        Path image = dockerArchive(dir, "layer1.tar.gz");
        ImageArchive.Limits limits = new ImageArchive.Limits(1 << 20, 1 << 20, 100, 1000);

        try (ImageArchive archive = ImageArchive.open(image, limits)) {
            ImageFileSystem fs = ImageFileSystem.index(archive);
            Path out = dir.resolve("out");
            assertThat(Files.readString(fs.extract(List.of("/app/small.txt"), out).get("/app/small.txt")))
                    .isEqualTo("small");
            assertThatThrownBy(() -> fs.extract(List.of("/app/app.jar"), out)).isInstanceOf(IOException.class)
                    .hasMessage("layer layer1.tar.gz: /app/app.jar declares 2000 bytes, more than the 1000 bytes"
                            + " read for one file; refused");
            assertThat(out.resolve("app/app.jar")).doesNotExist();
        }
    }

    @Test
    void aLayerUnpackingPastItsBoundOrHoldingTooManyEntriesIsRefused(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        for (int i = 0; i < 20; i++) {
            write(one, "app/f" + i + ".txt", "y".repeat(1000)); // 20 kB of text gzips to well under 1 kB
        }
        tar(dir, "layer1.tar.gz", one, "-z", "app");
        Path image = dockerArchive(dir, "layer1.tar.gz");
        assertThat(Files.size(dir.resolve("layer1.tar.gz"))).isLessThan(4096);

        try (ImageArchive archive = ImageArchive.open(image, new ImageArchive.Limits(1 << 20, 8192, 100, 1 << 20))) {
            assertThatThrownBy(() -> ImageFileSystem.index(archive)).isInstanceOf(IOException.class)
                    .hasMessage("layer layer1.tar.gz unpacks to more than the 8192 bytes read for it; refused");
        }
        try (ImageArchive archive = ImageArchive.open(image, new ImageArchive.Limits(1 << 20, 1 << 20, 10,
                1 << 20))) {
            assertThatThrownBy(() -> ImageFileSystem.index(archive)).isInstanceOf(IOException.class)
                    .hasMessage("layer layer1.tar.gz holds more than 10 entries; refused");
        }
    }

    @Test
    void aGzipImageTarUnpackingPastItsBoundIsRefused(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        write(one, "app/big.txt", "z".repeat(100_000));
        tar(dir, "layer1.tar", one, "--format=ustar", "app");
        Path image = dockerArchive(dir, "layer1.tar");
        run(dir, "gzip", "-k", image.toString());
        Path gz = dir.resolve("image.tar.gz");

        assertThatThrownBy(() -> ImageArchive.open(gz, new ImageArchive.Limits(50_000, 1 << 20, 100, 1 << 20)))
                .isInstanceOf(InputException.class)
                .hasMessage(gz + ": cannot read the image tar: the gzip-compressed image tar unpacks to more than the"
                        + " 50000 bytes read for it; refused");
        try (ImageArchive archive = ImageArchive.open(gz)) {
            assertThat(archive.layerCount()).isEqualTo(1);
        }
    }

    @Test
    void aStreamOfExactlyItsBoundIsReadWholeOneByteMoreIsNot() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageArchive.copyAtMost(new ByteArrayInputStream(new byte[1000]), out, 1000, "layer x",
                "unpacks to")).isEqualTo(1000);
        assertThatThrownBy(() -> ImageArchive.copyAtMost(new ByteArrayInputStream(new byte[1001]),
                new ByteArrayOutputStream(), 1000, "layer x", "unpacks to")).isInstanceOf(IOException.class)
                .hasMessage("layer x unpacks to more than the 1000 bytes read for it; refused");
    }

    @Test
    void javaCommandLinesAreReadLikeTheLauncher() {
        Map<String, String> files = Map.of("/app/jib-classpath-file", "/app/resources:/app/classes:/app/libs/*\n",
                "/app/jib-main-class-file", "com.example.Main");
        JavaCommand jib = JavaCommand.find(List.of("java", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file"), files::get);
        assertThat(jib.classPath()).isEqualTo("/app/resources:/app/classes:/app/libs/*");
        assertThat(jib.mainClass()).isEqualTo("com.example.Main");

        JavaCommand shell = JavaCommand.find(List.of("/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"),
                f -> null);
        assertThat(shell.jar()).isEqualTo("/app/app.jar");
        assertThat(JavaCommand.find(List.of("/docker-entrypoint.sh"), f -> null)).isNull();
    }

    /** @return a docker-archive (written by GNU tar) of the given layer tars in {@code dir}, with an empty config */
    private static Path dockerArchive(Path dir, String... layers) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"config\":{}}");
        Files.writeString(dir.resolve("manifest.json"), "[{\"Config\":\"config.json\",\"Layers\":[\""
                + String.join("\",\"", layers) + "\"]}]");
        Path image = dir.resolve("image.tar");
        List<String> command = new ArrayList<>(List.of("tar", "--format=ustar", "-cf", image.toString(),
                "manifest.json", "config.json"));
        command.addAll(List.of(layers));
        run(dir, command.toArray(String[]::new));
        return image;
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i += 512) { // names start headers, on 512-byte blocks
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " starts no tar header");
    }

    private static void write(Path root, String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void tar(Path dir, String name, Path from, String option, String what) throws Exception {
        run(from, "tar", option, "-cf", dir.resolve(name).toString(), what);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("%s: %s", List.of(command), out)
                .isTrue();
    }
}
