package dev.runtruth.collector.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe's safety rules and classification, against a real loopback HTTP server that records what it receives. */
class ProberTest {

    private static final List<Route> EVERY_METHOD = List.of(
            Route.parse("GET /items"), Route.parse("HEAD /items"), Route.parse("OPTIONS /items"),
            Route.parse("* /items/{id}/notes"), Route.parse("POST /items"), Route.parse("PUT /items/{id}"),
            Route.parse("DELETE /items/{id}"), Route.parse("PATCH /items/{id}"), Route.parse("PURGE /cache/**"),
            Route.parse("TRACE /debug"), Route.parse("CONNECT /tunnel"));

    @Test
    void onlyGetHeadAndOptionsAreEverSent() throws Exception {
        for (UnsafeRoutes mode : UnsafeRoutes.values()) {
            try (RecordingServer server = new RecordingServer(e -> RecordingServer.status(e, 200))) {
                List<ProbeResult> results = new Prober(settings(mode)).probe(server.base(), EVERY_METHOD, null);

                assertThat(server.requests).extracting(RecordingServer.Request::method)
                        .as("methods received with --unsafe-routes %s", mode)
                        .allMatch(m -> m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
                Map<String, String> sent = results.stream().collect(Collectors.toMap(
                        r -> r.route().toString(), r -> String.valueOf(r.method())));
                assertThat(sent).containsEntry("GET /items", "GET").containsEntry("HEAD /items", "HEAD")
                        .containsEntry("* /items/{id}/notes", "GET");
                String standIn = mode == UnsafeRoutes.SKIP ? "null" : mode.name();
                for (String unsafe : List.of("POST /items", "PUT /items/{id}", "DELETE /items/{id}",
                        "PATCH /items/{id}", "PURGE /cache/**", "TRACE /debug", "CONNECT /tunnel")) {
                    assertThat(sent).containsEntry(unsafe, standIn);
                }
                int expected = mode == UnsafeRoutes.SKIP ? 4 : EVERY_METHOD.size();
                assertThat(server.requests).hasSize(expected);
                if (mode == UnsafeRoutes.SKIP) {
                    assertThat(results).filteredOn(r -> r.method() == null)
                            .allMatch(r -> r.outcome() == ProbeOutcome.NOT_PROBED).hasSize(7);
                }
            }
        }
    }

    @Test
    void placeholdersFillVariablesAndWildcards() throws Exception {
        try (RecordingServer server = new RecordingServer(e -> RecordingServer.status(e, 200))) {
            ProbeSettings settings = new ProbeSettings(2, 100, Duration.ofSeconds(5), UnsafeRoutes.OPTIONS,
                    Map.of("orderId", "o-1", "name", "a b/c"), List.of());
            new Prober(settings).probe(server.base(), List.of(Route.parse("GET /orders/{orderId}/lines/{lineNo}"),
                    Route.parse("GET /files/{*name}"), Route.parse("GET /static/**"), Route.parse("GET /a/*.do")),
                    null);
            assertThat(server.requests).extracting(RecordingServer.Request::path).containsExactlyInAnyOrder(
                    "/orders/o-1/lines/1", "/files/a%20b%2Fc", "/static/runtruth-probe", "/a/runtruth-probe.do");
        }
    }

    @Test
    void redirectsAreNeverFollowedNeitherToThisHostNorToAnother() throws Exception {
        try (RecordingServer elsewhere = new RecordingServer(e -> RecordingServer.status(e, 200));
             RecordingServer server = new RecordingServer(e -> {
                 String target = e.getRequestURI().getPath().equals("/away") ? elsewhere.base() + "/stolen"
                         : e.getRequestURI().getPath().equals("/here") ? "/landing"
                         : "/login?next=/account";
                 e.getResponseHeaders().add("Location", target);
                 RecordingServer.status(e, 302);
             })) {
            List<ProbeResult> results = new Prober(settings(UnsafeRoutes.OPTIONS)).probe(server.base(), List.of(
                    Route.parse("GET /away"), Route.parse("GET /here"), Route.parse("GET /account")), null);

            assertThat(elsewhere.requests).as("requests that reached the other host").isEmpty();
            assertThat(server.requests).extracting(RecordingServer.Request::path)
                    .containsExactlyInAnyOrder("/away", "/here", "/account");
            Map<String, ProbeResult> byPath = byRoute(results);
            assertThat(byPath.get("GET /away").outcome()).isEqualTo(ProbeOutcome.PRESENT);
            assertThat(byPath.get("GET /away").evidence()).contains("(not followed)");
            assertThat(byPath.get("GET /account").outcome()).isEqualTo(ProbeOutcome.PROTECTED);
        }
    }

    @Test
    void concurrencyAndRateAreBounded() throws Exception {
        try (RecordingServer server = new RecordingServer(e -> {
            Thread.sleep(300);
            RecordingServer.status(e, 200);
        })) {
            List<Route> routes = java.util.stream.IntStream.range(0, 8).mapToObj(i -> Route.parse("GET /r" + i))
                    .toList();
            ProbeSettings settings = new ProbeSettings(2, 1000, Duration.ofSeconds(5), UnsafeRoutes.OPTIONS,
                    Map.of(), List.of());
            new Prober(settings).probe(server.base(), routes, null);
            assertThat(server.maxInFlight.get()).as("most requests in flight").isEqualTo(2);
        }
        try (RecordingServer server = new RecordingServer(e -> RecordingServer.status(e, 200))) {
            List<Route> routes = java.util.stream.IntStream.range(0, 6).mapToObj(i -> Route.parse("GET /r" + i))
                    .toList();
            ProbeSettings settings = new ProbeSettings(4, 5, Duration.ofSeconds(5), UnsafeRoutes.OPTIONS,
                    Map.of(), List.of());
            new Prober(settings).probe(server.base(), routes, null);
            List<Long> starts = server.requests.stream().map(RecordingServer.Request::startedNanos).sorted()
                    .toList();
            double seconds = (starts.get(starts.size() - 1) - starts.get(0)) / 1e9;
            // 6 requests at 5 per second: 5 gaps of 0.2 s between starts (less a little for scheduling)
            assertThat(seconds).as("first to last request start, s").isGreaterThan(0.9);
        }
    }

    @Test
    void slowAndMissingServicesAreUnreachableWithinTheTimeout() throws Exception {
        try (RecordingServer server = new RecordingServer(e -> {
            Thread.sleep(3000);
            RecordingServer.status(e, 200);
        })) {
            ProbeSettings settings = new ProbeSettings(1, 10, Duration.ofSeconds(1), UnsafeRoutes.OPTIONS,
                    Map.of(), List.of());
            long started = System.nanoTime();
            ProbeResult result = new Prober(settings).probe(server.base(), List.of(Route.parse("GET /slow")), null)
                    .get(0);
            assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.5);
            assertThat(result.outcome()).isEqualTo(ProbeOutcome.UNREACHABLE);
            assertThat(result.evidence()).isEqualTo("no answer within 1.0 s");
        }
        java.net.URI closed;
        try (RecordingServer server = new RecordingServer(e -> RecordingServer.status(e, 200))) {
            closed = server.base();
        }
        ProbeResult refused = new Prober(settings(UnsafeRoutes.OPTIONS)).probe(closed,
                List.of(Route.parse("GET /x")), null).get(0);
        assertThat(refused.outcome()).isEqualTo(ProbeOutcome.UNREACHABLE);
    }

    @Test
    void statusesAreClassified() throws Exception {
        Map<String, Integer> statuses = Map.of("/gone", 404, "/mine", 404, "/locked", 401, "/forbidden", 403,
                "/wrong", 405, "/broken", 500, "/unavailable", 503, "/bad", 400, "/post-only", 200);
        try (RecordingServer server = new RecordingServer(e -> {
            if (e.getRequestURI().getPath().equals("/post-only")) {
                e.getResponseHeaders().add("Allow", "GET,HEAD,OPTIONS");
            }
            RecordingServer.status(e, statuses.get(e.getRequestURI().getPath()));
        })) {
            List<Route> routes = statuses.keySet().stream().map(p -> Route.parse(
                    (p.equals("/post-only") ? "POST " : "GET ") + p)).toList();
            List<Route> registered = List.of(Route.parse("GET /mine"));
            Map<String, ProbeResult> results = byRoute(new Prober(settings(UnsafeRoutes.OPTIONS))
                    .probe(server.base(), routes, registered));

            assertThat(results.get("GET /gone").outcome()).isEqualTo(ProbeOutcome.ABSENT);
            assertThat(results.get("GET /mine").outcome()).isEqualTo(ProbeOutcome.APP_NOT_FOUND);
            assertThat(results.get("GET /locked").outcome()).isEqualTo(ProbeOutcome.PROTECTED);
            assertThat(results.get("GET /forbidden").outcome()).isEqualTo(ProbeOutcome.PROTECTED);
            assertThat(results.get("GET /wrong").outcome()).isEqualTo(ProbeOutcome.METHOD_MISMATCH);
            assertThat(results.get("GET /broken").outcome()).isEqualTo(ProbeOutcome.PRESENT_FAILING);
            assertThat(ProbeOutcome.PRESENT_FAILING.isProblem()).as("a 500 proves the route exists").isFalse();
            assertThat(ProbeOutcome.PRESENT_FAILING.label()).isEqualTo("present-failing");
            assertThat(results.get("GET /unavailable").outcome())
                    .as("a 503 from a service that answers other routes is its handler's: the route exists")
                    .isEqualTo(ProbeOutcome.PRESENT_FAILING);
            assertThat(results.get("GET /bad").outcome()).isEqualTo(ProbeOutcome.PRESENT);
            assertThat(results.get("POST /post-only").outcome()).isEqualTo(ProbeOutcome.METHOD_MISMATCH);
            assertThat(results.get("POST /post-only").evidence()).isEqualTo("Allow: GET,HEAD,OPTIONS lacks POST");

            ProbeResult unknown = new Prober(settings(UnsafeRoutes.OPTIONS)).probe(server.base(),
                    List.of(Route.parse("GET /mine")), null).get(0);
            assertThat(unknown.outcome()).as("a 404 without an agent list").isEqualTo(ProbeOutcome.NOT_FOUND);
        }
    }

    @Test
    void stateDumpingManagementEndpointsAreNeverRequested() throws Exception {
        try (RecordingServer server = new RecordingServer(e -> RecordingServer.status(e, 200))) {
            List<Route> routes = List.of(Route.parse("GET /management/heapdump"),
                    Route.parse("GET /management/loggers/{name}"), Route.parse("GET /management/health"),
                    // actuator under a base path nobody said: told by the handler's package
                    Route.of("GET", "/ops/threaddump", "spring-webmvc", "org.springframework.boot.webmvc.actuate"
                            + ".endpoint.web.AbstractWebMvcEndpointHandlerMapping$OperationHandler#handle"),
                    Route.parse("GET /env"));
            Map<String, ProbeResult> results = byRoute(new Prober(settings(UnsafeRoutes.OPTIONS),
                    new ServicePaths("", "/error", "/management")).probe(server.base(), routes, null));

            assertThat(results.get("GET /management/heapdump").outcome()).isEqualTo(ProbeOutcome.NOT_PROBED);
            assertThat(results.get("GET /management/heapdump").evidence()).isEqualTo("a management endpoint"
                    + " ('heapdump') that dumps the service's state or acts on it: never requested");
            assertThat(results.get("GET /management/loggers/{name}").outcome()).isEqualTo(ProbeOutcome.NOT_PROBED);
            assertThat(results.get("GET /ops/threaddump").outcome()).isEqualTo(ProbeOutcome.NOT_PROBED);
            assertThat(server.requests).extracting(r -> r.path())
                    .as("an application's own /env and actuator's health are asked; no dump")
                    .containsExactlyInAnyOrder("/management/health", "/env");
        }
    }

    @Test
    void credentialsAreSentButNeverShown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "Bearer s3cr3t-t0ken\n");
        SecretHeader header = SecretHeader.parse("Authorization=file:" + file, Map.of());
        assertThat(header.toString()).isEqualTo("Authorization from file " + file).doesNotContain("s3cr3t");

        try (RecordingServer server = new RecordingServer(e -> RecordingServer.status(e, 401))) {
            List<ProbeResult> results = new Prober(settings(UnsafeRoutes.OPTIONS).withHeaders(List.of(header)))
                    .probe(server.base(), List.of(Route.parse("GET /a"), Route.parse("POST /a")), null);
            assertThat(server.requests).extracting(RecordingServer.Request::authorization)
                    .containsOnly("Bearer s3cr3t-t0ken");
            assertThat(results.toString()).doesNotContain("s3cr3t");
        }

        SecretHeader fromEnv = SecretHeader.parse("X-Api-Key=env:API_KEY", Map.of("API_KEY", "k-123"));
        assertThat(fromEnv.value()).isEqualTo("k-123");
        assertThat(fromEnv.toString()).isEqualTo("X-Api-Key from environment variable API_KEY");
    }

    @Test
    void badHeaderOptionsNameTheOptionAndNeverTheValue() {
        Function<String, String> error = spec -> {
            try {
                SecretHeader.parse(spec, Map.of("EMPTY", " ", "TWO", "a\nb"));
                throw new AssertionError("accepted " + spec);
            } catch (InputException e) {
                return e.getMessage();
            }
        };
        assertThat(error.apply("Authorization=Bearer abc")).isEqualTo("--header Authorization: the value must come"
                + " from env:VARIABLE or file:PATH, never the command line").doesNotContain("abc");
        assertThat(error.apply("Authorization=env:NOPE")).isEqualTo("--header Authorization: environment variable"
                + " NOPE is not set");
        assertThat(error.apply("Authorization=env:EMPTY")).endsWith("must hold one non-empty line");
        assertThat(error.apply("Authorization=env:TWO")).endsWith("must hold one non-empty line");
        assertThat(error.apply("Bad Name=env:X")).startsWith("--header Bad Name: expected NAME=env:VARIABLE");
        assertThatThrownBy(() -> SafeMethods.require("POST")).isInstanceOf(IllegalStateException.class);
    }

    /** A route of a separate (admin) listener goes to that port of the same host, without the base URL's path. */
    @Test
    void aRouteOfASeparateListenerIsSentToItsPort() throws Exception {
        try (RecordingServer app = new RecordingServer(e -> RecordingServer.status(e, 200));
                RecordingServer admin = new RecordingServer(e -> RecordingServer.status(e, 200))) {
            Route ping = Route.parse("GET /ping").withPort(String.valueOf(admin.base().getPort()));
            List<ProbeResult> results = new Prober(settings(UnsafeRoutes.SKIP)).probe(
                    URI.create(app.base() + "/ctx"), List.of(Route.parse("GET /items"), ping), null);

            assertThat(results).allMatch(r -> r.status() == 200);
            assertThat(app.requests).extracting(RecordingServer.Request::path).containsExactly("/ctx/items");
            assertThat(admin.requests).extracting(RecordingServer.Request::path).containsExactly("/ping");
        }
    }

    private static ProbeSettings settings(UnsafeRoutes mode) {
        return new ProbeSettings(4, 200, Duration.ofSeconds(5), mode, Map.of(), List.of());
    }

    private static Map<String, ProbeResult> byRoute(List<ProbeResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.route().toString(), r -> r));
    }
}
