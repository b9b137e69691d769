package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtruth.model.Route;
import dev.runtruth.model.RouteManifestWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Helidon SE 4.5 (its own WebServer and HTTP routing, no JAX-RS) on Temurin 25 (Helidon 4 needs Java 21): routes at
 * the root, in a service registered under a path and in a service registered inside another one. The truth is what
 * the app declared through Helidon's {@code HttpRules} API, recorded as it hands each declaration to Helidon and
 * served at {@code GET /declared-routes} ({@code RecordingRules} in the app); each of those routes is requested to
 * show that Helidon serves it at that path.
 */
class HelidonSe4IT extends AbstractRouteTruthIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String service() {
        return "helidon-se4-jdk25";
    }

    @Override
    Path appJar() {
        return Artifacts.app("helidon-se4");
    }

    @Override
    Path javaHome() {
        Optional<Path> jdk25 = Jdks.temurin25();
        assumeTrue(jdk25.isPresent(), "Temurin 25 not found under " + Jdks.JVM_DIR + " (Helidon 4 needs Java 21+)");
        return jdk25.get();
    }

    @Override
    String framework() {
        return "helidon-se";
    }

    @Override
    List<String> appArgs(int port) {
        return List.of(String.valueOf(port));
    }

    @Override
    String readinessPath() {
        return "/declared-routes";
    }

    @Override
    Set<Route> truth() throws IOException {
        Set<Route> routes = new LinkedHashSet<>();
        for (String line : TestJvm.get(appUrl("/declared-routes")).body().split("\n")) {
            if (!line.isBlank()) {
                Route declared = Route.parse(line);
                routes.add(Route.of(declared.method(), declared.template(), framework(), ""));
            }
        }
        return routes;
    }

    @Override
    int minimumRoutes() {
        return 10;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET /shop"), Route.parse("* /shop/help"),
                Route.parse("GET /api/v1/users/{id}/orders/{orderId}"));
    }

    /** Each declared route answers at its full path: the truth's joined paths are the ones Helidon serves. */
    @Test
    void everyDeclaredRouteIsServedAtItsFullPath() throws Exception {
        List<String> notServed = new ArrayList<>();
        for (Route route : truth()) {
            String method = route.method().equals("*") ? "OPTIONS" : route.method();
            String path = route.template().replaceAll("\\{[^}]+}", "x");
            HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl(path))).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404 || status == 405) {
                notServed.add(method + " " + path + " -> " + status);
            }
        }
        assertThat(notServed).as(app().describe()).isEmpty();
    }

    /**
     * End to end: the declared routes as a recorded manifest against the agent: {@code check} finds no drift (exit 0,
     * it said "cannot tell" while Helidon SE was unsupported); the build side still says it cannot read routes built
     * in code.
     */
    @Test
    void checkFindsNoDriftAndExpectedSaysCodeBuiltRoutesCannotBeRead() throws IOException {
        Path manifest = Files.createTempFile("helidon-se4-expected", ".json");
        Files.writeString(manifest, new RouteManifestWriter().build("helidon-se4", null, null, null, null)
                .source("GET /declared-routes").routes(new ArrayList<>(truth())).toJson(), StandardCharsets.UTF_8);
        OneShot check = OneShot.run("helidon-se4-check", Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--expected", manifest.toString(), "--agent", metricsUrl()));
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.stdout()).as(check.describe()).contains("NO DRIFT");

        OneShot expected = OneShot.run("helidon-se4-expected", Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "expected", appJar().toString()));
        assertThat(expected.exitCode()).as(expected.describe()).isEqualTo(4);
        assertThat(expected.stderr()).as(expected.describe()).contains(
                "runtruth: note: routes built in code (Helidon SE) cannot be read from bytecode",
                "runtruth: cannot tell: no route could be read from the input");
    }
}
