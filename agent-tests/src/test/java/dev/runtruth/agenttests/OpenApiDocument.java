package dev.runtruth.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAPI 3 document an app serves about itself (SmallRye OpenAPI in Quarkus and Helidon MP), read as routes: one
 * per operation ({@code get}, {@code put}, ... under each entry of {@code paths}), the path as the document gives it.
 */
final class OpenApiDocument {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OpenApiDocument() {
    }

    /**
     * @param url where the app serves the document as JSON, e.g. {@code http://127.0.0.1:8080/q/openapi?format=json}
     * @return one route per operation
     * @throws IOException if the request fails, does not answer 200 or is not JSON
     */
    static Set<Route> read(String url) throws IOException {
        HttpResponse<String> response = TestJvm.get(url);
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        Set<Route> routes = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : new ObjectMapper().readTree(response.body()).path("paths")
                .properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (OPERATIONS.contains(operation.getKey())) {
                    routes.add(Route.parse(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
                }
            }
        }
        return routes;
    }
}
