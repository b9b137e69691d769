package dev.runtruth.collector.expected.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI reader against swagger-parser 2.1 (its own $ref resolution, server handling and Swagger 2.0 conversion)
 * as the truth, on real documents from Maven Central (the MicroProfile OpenAPI 4.0.2 TCK's static files) and on
 * documents that exercise one rule each.
 */
class OpenApiReaderTest {

    @TempDir
    Path temp;

    @Test
    void microProfileTckCallbackDocumentMatchesSwaggerParser() throws Exception {
        Path spec = tckResource("openapi.yaml");

        ExpectedRoutes routes = OpenApiReader.read(spec);

        assertThat(lines(routes)).isNotEmpty().isEqualTo(truth(spec));
        assertThat(routes.routes()).allMatch(r -> r.framework().equals(OpenApiReader.FRAMEWORK));
    }

    @Test
    void microProfileTckSimpleApiMatchesSwaggerParserExceptForTheOperationNextToAPathItemRef() throws Exception {
        Path spec = tckResource("simpleapi.yaml");

        ExpectedRoutes routes = OpenApiReader.read(spec);

        // swagger-parser 2.1.22 drops the 'get' written next to '$ref: #/components/pathItems/idCrud'; OpenAPI 3.1
        // allows fields next to a Path Item $ref, and the TCK's StaticDocumentTest expects both the $ref and the get
        List<String> ours = lines(routes);
        List<String> truth = truth(spec);
        assertThat(ours).containsAll(truth);
        assertThat(ours.stream().filter(l -> !truth.contains(l)).toList())
                .containsExactly("GET /MySimpleAPI/1.0.0/refpath/{}");
    }

    @Test
    void simpleApiRoutesNameTheirDeclarationAndIgnoreWebhooks() throws Exception {
        ExpectedRoutes routes = OpenApiReader.read(tckResource("simpleapi.yaml"));

        assertThat(routes.routes()).extracting(Route::handler)
                .contains("simpleapi.yaml#searchInventory", "simpleapi.yaml#DELETE /refpath/{id}");
        assertThat(routes.routes()).extracting(Route::template).doesNotContain("/bookingEvent");
    }

    @Test
    void callbacksAreNotRoutes() throws Exception {
        ExpectedRoutes routes = OpenApiReader.read(tckResource("openapi.yaml"));

        assertThat(routes.routes()).extracting(Route::template).allMatch(t -> t.equals("/streams"));
    }

    @Test
    void serversWithVariablesRelativeUrlsAndOverridesMatchSwaggerParser() throws Exception {
        Path spec = Files.writeString(temp.resolve("servers.yaml"), """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                servers:
                  - url: '{scheme}://api.example.com:{port}/{base}/v1'
                    variables:
                      scheme: {default: https, enum: [https, http]}
                      port: {default: '8443'}
                      base: {default: shop}
                  - url: https://staging.example.com/shop/v1
                paths:
                  /orders/{orderId}:
                    get: {operationId: getOrder, responses: {'200': {description: ok}}}
                  /health:
                    servers: [{url: /}]
                    get: {responses: {'200': {description: ok}}}
                  x-internal: {}
                """);

        ExpectedRoutes routes = OpenApiReader.read(spec);

        assertThat(lines(routes)).containsExactly("GET /health", "GET /shop/v1/orders/{}");
        assertThat(lines(routes)).isEqualTo(truth(spec));
        assertThat(routes.warnings()).isEmpty();
    }

    @Test
    void swagger2BasePathMatchesSwaggerParsersConversion() throws Exception {
        Path spec = Files.writeString(temp.resolve("swagger.json"), """
                {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "host": "api.example.com",
                 "basePath": "/v2", "schemes": ["https"],
                 "paths": {"/pets": {"get": {"operationId": "listPets", "responses": {"200": {"description": "ok"}}},
                                     "post": {"responses": {"201": {"description": "created"}}}},
                           "/pets/{petId}": {"delete": {"responses": {"204": {"description": "gone"}}}}}}
                """);

        ExpectedRoutes routes = OpenApiReader.read(spec);

        assertThat(lines(routes)).containsExactly("GET /v2/pets", "POST /v2/pets", "DELETE /v2/pets/{}");
        assertThat(lines(routes)).isEqualTo(truth(spec));
        assertThat(routes.routes()).extracting(Route::handler).contains("swagger.json#listPets",
                "swagger.json#POST /pets");
    }

    @Test
    void pathItemsInOtherFilesAreFollowedAndNamedByTheirFile() throws Exception {
        Files.createDirectories(temp.resolve("paths"));
        Files.writeString(temp.resolve("paths/pets.yaml"), """
                list:
                  get: {operationId: listPets, responses: {'200': {description: ok}}}
                one:
                  $ref: '#/list'
                  delete: {operationId: deletePet, responses: {'204': {description: gone}}}
                """);
        Path spec = Files.writeString(temp.resolve("api.yaml"), """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                servers: [{url: /api}]
                paths:
                  /pets: {$ref: 'paths/pets.yaml#/list'}
                  /pets/{id}: {$ref: 'paths/pets.yaml#/one'}
                """);

        ExpectedRoutes routes = OpenApiReader.read(spec);

        assertThat(lines(routes)).containsExactly("GET /api/pets", "DELETE /api/pets/{}", "GET /api/pets/{}");
        assertThat(routes.routes()).extracting(Route::handler)
                .containsExactlyInAnyOrder("paths/pets.yaml#listPets", "paths/pets.yaml#deletePet",
                        "paths/pets.yaml#listPets");
    }

    @Test
    void relativeServerUrlAndVariableWithoutDefaultAreWarnedAbout() throws Exception {
        Path spec = Files.writeString(temp.resolve("rel.yaml"), """
                openapi: 3.0.0
                info: {title: t, version: '1'}
                servers: [{url: 'v1/{tenant}'}]
                paths:
                  /a: {get: {responses: {'200': {description: ok}}}}
                """);

        ExpectedRoutes routes = OpenApiReader.read(spec);

        assertThat(lines(routes)).containsExactly("GET /v1/*/a");
        assertThat(routes.warnings()).hasSize(2)
                .anyMatch(w -> w.contains("server variable 'tenant'"))
                .anyMatch(w -> w.contains("relative to where the document is served"));
    }

    @Test
    void notASpecAndUnsupportedVersionsAreOneLineErrors() throws Exception {
        Path notSpec = Files.writeString(temp.resolve("config.yaml"), "server:\n  port: 8080\n");
        Path v2 = Files.writeString(temp.resolve("v32.yaml"), "openapi: 4.0.0\npaths: {}\n");

        assertThatThrownBy(() -> OpenApiReader.read(notSpec)).isInstanceOf(InputException.class)
                .hasMessage(notSpec + ": not an OpenAPI 3.x or Swagger 2.0 document: no 'openapi' or 'swagger' field");
        assertThatThrownBy(() -> OpenApiReader.read(v2)).isInstanceOf(InputException.class)
                .hasMessage(v2 + ": OpenAPI version '4.0.0' is not supported (3.0, 3.1, Swagger 2.0)");
    }

    /** The routes as {@code METHOD matchKey}, in the reader's order. */
    private static List<String> lines(ExpectedRoutes routes) {
        return routes.routes().stream().map(r -> r.method() + " " + PathTemplate.matchKey(r.template())).toList();
    }

    /** What swagger-parser says: every operation of every path, under the first server's URL path. */
    private static List<String> truth(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIParser().readLocation(spec.toUri().toString(), null, options).getOpenAPI();
        Set<String> lines = new TreeSet<>();
        String documentPrefix = serverPath(api.getServers());
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            if (path.getKey().startsWith("x-")) {
                continue;
            }
            PathItem item = path.getValue();
            String prefix = item.getServers() == null || item.getServers().isEmpty() ? documentPrefix
                    : serverPath(item.getServers());
            for (PathItem.HttpMethod method : item.readOperationsMap().keySet()) {
                lines.add(method.name().toUpperCase(Locale.ROOT) + " "
                        + PathTemplate.matchKey(prefix + path.getKey()));
            }
        }
        return routesOrder(lines);
    }

    private static String serverPath(List<Server> servers) {
        if (servers == null || servers.isEmpty()) {
            return "";
        }
        Server server = servers.get(0);
        String url = server.getUrl();
        if (server.getVariables() != null) {
            for (var variable : server.getVariables().entrySet()) {
                url = url.replace("{" + variable.getKey() + "}", variable.getValue().getDefault());
            }
        }
        String path = URI.create(url).getRawPath();
        return path == null || path.equals("/") ? "" : path;
    }

    /** Sorts like {@code RouteLists.ORDER}: by template, then method. */
    private static List<String> routesOrder(Set<String> lines) {
        List<String> sorted = new java.util.ArrayList<>(lines);
        Collections.sort(sorted, (a, b) -> {
            int c = a.substring(a.indexOf(' ') + 1).compareTo(b.substring(b.indexOf(' ') + 1));
            return c != 0 ? c : a.compareTo(b);
        });
        return sorted;
    }

    /** Copies a file of the MicroProfile OpenAPI TCK jar (test dependency) out of the jar. */
    private Path tckResource(String name) throws IOException {
        for (URL url : Collections.list(getClass().getClassLoader().getResources(name))) {
            if (url.toString().contains("microprofile-openapi-tck")) {
                Path file = temp.resolve(name);
                try (InputStream in = url.openStream()) {
                    Files.copy(in, file);
                }
                return file;
            }
        }
        throw new IllegalStateException(name + " of microprofile-openapi-tck is not on the test classpath");
    }
}
