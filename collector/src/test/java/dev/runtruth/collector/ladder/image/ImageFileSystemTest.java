package dev.runtruth.collector.ladder.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer stacking, whiteouts, links and long names, on a docker-archive whose every tar is written by GNU tar (an
 * independent tar writer: POSIX pax format for the long name, gzip for one layer).
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
