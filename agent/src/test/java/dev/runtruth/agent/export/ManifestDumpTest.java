package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.classpath.ApplicationBuild;
import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.model.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dump file: written atomically, rewritten only when the routes change, no temporary files left behind. */
class ManifestDumpTest {

    @TempDir
    Path temp;

    @Test
    void writesTheManifestAndRewritesItOnlyWhenRoutesChange() throws Exception {
        List<Route> routes = new CopyOnWriteArrayList<>();
        routes.add(Route.of("GET", "/owners/{id}", "spring-webmvc", "a.Owners#show"));
        Path file = temp.resolve("routes.json");
        ManifestDump dump = new ManifestDump(file, () -> new ArrayList<>(routes), () -> ApplicationBuild.detect(),
                () -> "backoffice", Collections::<ClasspathEntry>emptyList, "runtruth-agent test");

        dump.writeIfChanged();
        String first = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        dump.writeIfChanged();

        assertThat(first).contains("\"format\" : \"runtruth-manifest/1\"", "\"service\" : \"backoffice\"",
                "\"recordedBy\" : \"runtruth-agent test\"", "\"route\" : \"/owners/{id}\"",
                "\"handler\" : \"a.Owners#show\"");
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("unchanged routes: not rewritten").isZero();

        routes.add(Route.of("POST", "/owners", "spring-webmvc", "a.Owners#create"));
        dump.writeIfChanged();

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("\"route\" : \"/owners\"");
        try (java.util.stream.Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingDirectoryIsAWarningNotAnError() {
        Path file = temp.resolve("no/such/dir/routes.json");
        ManifestDump dump = new ManifestDump(file, Collections::<Route>emptyList, () -> ApplicationBuild.detect(),
                () -> "svc", Collections::<ClasspathEntry>emptyList, "runtruth-agent test");

        dump.writeIfChanged();

        assertThat(file).doesNotExist();
    }
}
