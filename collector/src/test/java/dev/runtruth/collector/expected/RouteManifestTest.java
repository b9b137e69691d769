package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manifest format: written by Jackson, sorted, read back, malformed ones rejected with one line. */
class RouteManifestTest {

    private static final ExpectedRoutes ROUTES = new ExpectedRoutes("target/app.jar",
            new BuildIdentity("backoffice", "1.2.0", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "main",
                    "2026-11-21T10:00:00Z"),
            List.of(Route.of("POST", "/owners", "spring-webmvc", "a.Owners#create"),
                    Route.of("GET", "/owners/{id}", "spring-webmvc", "a.Owners#show"),
                    Route.of("GET", "/owners", "spring-webmvc", "a.Owners#list"),
                    Route.of("*", "/files/{name:.+}", "spring-webmvc", "a.Files#get")),
            List.of());

    @TempDir
    Path temp;

    @Test
    void writesTheDocumentedFormatSortedByRouteThenMethod() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RouteManifest.toJson(ROUTES));

        assertThat(json.get("format").asText()).isEqualTo("runtruth-manifest/1");
        assertThat(json.get("service").asText()).isEqualTo("backoffice");
        assertThat(json.get("version").asText()).isEqualTo("1.2.0");
        assertThat(json.get("commit").asText()).isEqualTo("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
        assertThat(json.get("branch").asText()).isEqualTo("main");
        assertThat(json.get("source").asText()).isEqualTo("target/app.jar");
        assertThat(json.get("routes")).extracting(r -> r.get("method").asText() + " " + r.get("route").asText())
                .containsExactly("* /files/{name}", "GET /owners", "POST /owners", "GET /owners/{id}");
        assertThat(json.at("/routes/1/framework").asText()).isEqualTo("spring-webmvc");
        assertThat(json.at("/routes/1/handler").asText()).isEqualTo("a.Owners#list");
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        Path file = Files.writeString(temp.resolve("manifest.json"), RouteManifest.toJson(ROUTES));

        ExpectedRoutes read = ExpectedRoutes.load(file);

        assertThat(read.routes()).containsExactlyElementsOf(ROUTES.routes());
        assertThat(read.routes()).extracting(Route::handler)
                .containsExactlyElementsOf(ROUTES.routes().stream().map(Route::handler).toList());
        assertThat(read.build()).isEqualTo(ROUTES.build());
        assertThat(read.source()).isEqualTo(file + " (manifest of target/app.jar)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{|malformed manifest: not JSON at line 1, column 2",
        "[]|malformed manifest: not a JSON object",
        "{}|malformed manifest: 'format' is missing",
        "{\"format\":\"other/1\",\"routes\":[]}"
                + "|malformed manifest: format is 'other/1', expected 'runtruth-manifest/1'",
        "{\"format\":\"runtruth-manifest/1\"}|malformed manifest: 'routes' is missing or not an array",
        "{\"format\":\"runtruth-manifest/1\",\"routes\":[1]}|malformed manifest: routes[0] is not an object",
        "{\"format\":\"runtruth-manifest/1\",\"routes\":[{\"method\":\"GET\"}]}"
                + "|malformed manifest: 'routes[0].route' is missing",
        "{\"format\":\"runtruth-manifest/1\",\"routes\":[{\"method\":\"GET\",\"route\":\"x\"}]}"
                + "|malformed manifest: routes[0].route 'x' does not start with /",
        "{\"format\":\"runtruth-manifest/1\",\"commit\":7,\"routes\":[]}|malformed manifest: 'commit' is not a string",
    })
    void rejectsMalformedManifests(String json, String problem) throws Exception {
        Path file = Files.writeString(temp.resolve("bad.json"), json);

        assertThatThrownBy(() -> RouteManifest.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": " + problem);
    }
}
