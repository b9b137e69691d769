package dev.runtruth.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Micronaut's own route listing: the JSON of micronaut-management's {@code /routes} endpoint. Its keys are written by
 * {@code DefaultRouteDataCollector#getRouteKey} (Micronaut 4):
 * {@code {[<uri match template>],method=[<HTTP method>],produces=[<media types>]}}.
 */
final class MicronautRoutesEndpoint {

    private static final String METHOD = "],method=[";

    private MicronautRoutesEndpoint() {
    }

    /**
     * @param url the endpoint, e.g. {@code http://127.0.0.1:8080/routes}
     * @return one route per key, template canonicalised by {@link Route#of}
     * @throws IOException if the request fails or does not answer 200
     */
    static Set<Route> read(String url) throws IOException {
        HttpResponse<String> response = TestJvm.get(url);
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /**
     * @param json the endpoint's answer
     * @return one route per key
     * @throws IllegalArgumentException on a key that is not {@code {[template],method=[METHOD],...}}
     */
    static Set<Route> parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Set<Route> routes = new LinkedHashSet<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            // the template may itself hold ']' (a regex constraint such as {id:[0-9]+}): split at the last marker
            int method = key.lastIndexOf(METHOD);
            int methodEnd = method < 0 ? -1 : key.indexOf(']', method + METHOD.length());
            if (!key.startsWith("{[") || methodEnd < 0) {
                throw new IllegalArgumentException("not a Micronaut route key: " + key);
            }
            routes.add(Route.of(key.substring(method + METHOD.length(), methodEnd), key.substring(2, method),
                    "micronaut", root.get(key).path("method").asText("")));
        }
        return routes;
    }
}
