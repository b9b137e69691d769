package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Helidon MP 4.4 (MicroProfile: JAX-RS resources served by Jersey 3.1 on Helidon's WebServer through Helidon's
 * {@code JaxRsService}, no servlet; CDI through Weld) on Temurin 25 (Helidon 4 needs Java 21). Two JAX-RS applications
 * in one server, each below its {@code @ApplicationPath} ({@code /shop/v1}, {@code /admin}), path parameters on class
 * and method, a sub-resource locator, an explicit {@code HEAD}; MicroProfile Health and OpenAPI on Helidon's own
 * routing beside them.
 *
 * <p>The truth is the OpenAPI document Helidon MP serves at {@code /openapi} (helidon-microprofile-openapi: SmallRye
 * OpenAPI's JAX-RS scanner over an index of the application classes, built when the document is first asked for,
 * locators followed by their return type): a code path independent of Jersey's resource model, which the agent reads.
 * Its paths carry each application's path. Limits of that independence: both sides start from the same annotations,
 * so a resource both agree to ignore goes unnoticed; Helidon's own features (health, the document itself) are not
 * JAX-RS and are in neither the document nor {@code framework="jaxrs"}.
 */
class HelidonMp4IT extends AbstractJaxrsAppIT {

    static final String SHOP = "/shop/v1";
    static final String ADMIN = "/admin";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String service() {
        return "helidon-mp4-jdk25";
    }

    @Override
    Path appJar() {
        return Artifacts.app("helidon-mp4");
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR + " (Helidon 4 needs Java 21+)");
        return jdk25.get();
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Dserver.port=" + httpPort, "-Dserver.host=127.0.0.1");
    }

    @Override
    String readinessPath() {
        return SHOP + "/status";
    }

    @Override
    Set<Route> truth() throws IOException {
        return OpenApiDocument.read(appUrl("/openapi?format=JSON"));
    }

    @Override
    String truthName() {
        return "Helidon MP OpenAPI document (/openapi)";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET " + SHOP + "/items/{id}/reviews/{n}"), // through a sub-resource locator
                Route.parse("HEAD " + SHOP + "/status"),
                Route.parse("GET " + ADMIN + "/tenants/{tenant}/users/{id}")); // the second application
    }

    /** Every route of the truth answers at its full path: the document's paths are the ones Helidon serves. */
    @Test
    void everyDocumentedRouteIsServedAtItsFullPath() throws Exception {
        List<String> notServed = new ArrayList<>();
        for (Route route : truth()) {
            String status = request(route.method(), route.template().replaceAll("\\{[^}]+}", "7"));
            if (status.endsWith(" 404") || status.endsWith(" 405")) {
                notServed.add(status);
            }
        }
        assertThat(notServed).as(app().describe()).isEmpty();
    }

    /**
     * Helidon's own routing beside Jersey ({@code framework="helidon-se"}): MicroProfile Health and the OpenAPI
     * document are reported; what hands requests to Jersey (one {@code JaxRsService} per application) and Helidon
     * MP's per-request context handler on every path are plumbing, not routes: no {@code helidon-se} route lies at or
     * under an application's path, none is {@code /**} (which would read as if every path were served).
     */
    @Test
    void helidonRoutingBesideJerseyIsReportedWithoutItsPlumbing() throws IOException {
        Set<Route> helidon = app().routes("helidon-se");
        assertThat(helidon).as(app().describe()).contains(Route.parse("GET /openapi"), Route.parse("GET /health"),
                Route.parse("GET /health/live"), Route.parse("GET /health/ready"))
                .noneMatch(r -> r.template().endsWith("/**"))
                .noneMatch(r -> r.template().equals(SHOP) || r.template().startsWith(SHOP + "/")
                        || r.template().equals(ADMIN) || r.template().startsWith(ADMIN + "/"));
    }

    private String request(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl(path))).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return method + " " + path + " -> " + HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
