package dev.runtruth.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Quarkus REST (RESTEasy Reactive) 3.27 in the production layout ({@code target/quarkus-app/quarkus-run.jar}, classes
 * loaded by Quarkus's {@code RunnerClassLoader}), {@code quarkus.http.root-path=/svc}, {@code @ApplicationPath("/shop")}:
 * class and method {@code @Path}, class-level and regex templates, explicit HEAD/OPTIONS, two methods on one path that
 * differ by media type, nested sub-resource locators; SmallRye Health's {@code /q/health} routes beside them.
 *
 * <p>The truth is the OpenAPI document the app serves at {@code /svc/q/openapi}: SmallRye OpenAPI's JAX-RS scanner
 * builds it at build time from the Jandex index of the resource annotations (locators followed by their return type),
 * a code path independent of RESTEasy Reactive's runtime mappers, which the agent reads. Its paths already carry the
 * root path and the application path. Limits of that independence: both sides start from the same annotations, so a
 * resource both agree to ignore (e.g. a locator returning {@code Object}) goes unnoticed; and routes on the Vert.x
 * router ({@code /q/health}, {@code /q/openapi}) are not JAX-RS resources: neither the OpenAPI document (SmallRye
 * Health stays out of it by default) nor {@code framework="jaxrs"} lists them ({@code framework="vertx-web"} does:
 * Quarkus 3.27's vertx-web 4.5.23 is read through its mount handlers, without a warning or capture error).
 */
class QuarkusRestIT extends AbstractJaxrsAppIT {

    static final String BASE = "/svc/shop";

    @Override
    String service() {
        return "quarkus-rest-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("quarkus-rest");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.host=127.0.0.1");
    }

    @Override
    String readinessPath() {
        return BASE + "/products";
    }

    @Override
    Set<Route> truth() throws IOException {
        return OpenApiDocument.read(appUrl("/svc/q/openapi?format=json"));
    }

    @Override
    String truthName() {
        return "SmallRye OpenAPI document (/svc/q/openapi)";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("HEAD " + BASE + "/products/{sku}"),
                Route.parse("OPTIONS " + BASE + "/products"),
                Route.parse("GET " + BASE + "/tenants/{tenant}/users/{id}"),
                Route.parse("PUT " + BASE + "/products/{sku}/reviews/{reviewId}/votes"));
    }

    /**
     * Quarkus REST hands requests to the JAX-RS deployment through Vert.x routes of its own ({@code
     * <root>/<application path>} and {@code <root>/<application path>/*}): framework plumbing, not routes. What JAX-RS
     * serves is reported once, by {@code framework="jaxrs"}: no {@code vertx-web} route lies at or under the JAX-RS
     * application's base path. The Vert.x routes of Quarkus extensions ({@code /svc/q/health}, ...) stay.
     */
    @org.junit.jupiter.api.Test
    void quarkusRestDispatchRoutesAreNotReportedAsVertxRoutes() throws IOException {
        Set<Route> vertx = app().routes("vertx-web");
        org.assertj.core.api.Assertions.assertThat(vertx).as(app().describe())
                .contains(Route.parse("* /svc/q/health"))
                .noneMatch(r -> r.template().equals(BASE) || r.template().startsWith(BASE + "/"));
    }

    /**
     * Quarkus's own path-less routes on its root-path router (a route with failure handlers only, and the body-size
     * check of {@code HttpServerCommonHandlers}, which refuses or hands on) are plumbing, not a catch-all: Quarkus
     * answers 404 for a path under the root path that nothing serves, so no {@code * /svc/**} (nor any route that
     * would match that path) may be reported.
     */
    @org.junit.jupiter.api.Test
    void quarkusInternalPathlessRoutesAreNotACatchAll() throws IOException {
        String unserved = "/svc/nothing-serves-this";
        org.assertj.core.api.Assertions.assertThat(TestJvm.get(appUrl(unserved)).statusCode())
                .as("Quarkus serves nothing at " + unserved).isEqualTo(404);
        Set<Route> agent = app().scrape().routes();
        org.assertj.core.api.Assertions.assertThat(agent).as(app().describe())
                .doesNotContain(Route.parse("* /svc/**"), Route.parse("* /**"))
                .noneMatch(r -> dev.runtruth.model.PathTemplate.isCatchAll(r.template())
                        && unserved.startsWith(r.template().replaceAll("/(\\*\\*?|\\{\\*[^}]*}).*$", "/")));
    }

    /**
     * Quarkus registers internal Vert.x catch-alls ({@code * /svc/**} and others) beside the JAX-RS routes: made-up
     * expected routes must come out MISSING, never "served" by a catch-all (docs/path-templates.md).
     */
    @org.junit.jupiter.api.Test
    void madeUpRoutesAreMissingBesideQuarkusCatchAlls() throws IOException {
        List<Route> madeUp = List.of(Route.parse("GET /doesnotexist"), Route.parse("PATCH /nothing"),
                Route.parse("DELETE /orders"), Route.parse("POST /admin"), Route.parse("GET /svc/nothing"),
                Route.parse("PUT /svc/shop/made-up"));
        Path manifest = java.nio.file.Files.createTempFile("quarkus-made-up", ".json");
        java.nio.file.Files.writeString(manifest, new dev.runtruth.model.RouteManifestWriter()
                .build("quarkus-rest", null, null, null, null).source("made up").routes(madeUp).toJson());
        OneShot check = OneShot.run("quarkus-made-up-check", java.time.Duration.ofSeconds(60), OneShot.javaJar(
                Artifacts.collectorJar(), "check", "--json", "--expected", manifest.toString(), "--agent",
                app().metricsUrl()));

        JsonNode report = new ObjectMapper().readTree(check.stdout());
        Set<String> missing = new LinkedHashSet<>();
        report.path("missing").forEach(r -> missing.add(r.path("method").asText() + " " + r.path("route").asText()));
        org.assertj.core.api.Assertions.assertThat(missing).as(check.describe())
                .containsExactlyInAnyOrderElementsOf(madeUp.stream().map(Route::toString).toList());
        org.assertj.core.api.Assertions.assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);
    }
}
