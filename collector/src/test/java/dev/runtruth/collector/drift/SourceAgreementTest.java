package dev.runtruth.collector.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSource;
import dev.runtruth.collector.expected.ExpectedSources;
import dev.runtruth.model.Route;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-route sources and the spec-versus-code disagreement of one repository. */
class SourceAgreementTest {

    private static ExpectedSource source(ExpectedSource.Kind kind, String name, String commit, String... routes) {
        List<Route> list = Arrays.stream(routes).map(line -> {
            String[] p = line.split(" ");
            return Route.of(p[0], p[1], kind == ExpectedSource.Kind.SPEC ? "openapi" : "spring-webmvc", p[2]);
        }).toList();
        return new ExpectedSource(kind, new ExpectedRoutes(name, new BuildIdentity("svc", null, commit, null, null),
                list, List.of()));
    }

    @Test
    void namesTheSourcesOfEachRouteAndTheDocumentedOperationsNoCodeDeclares() {
        ExpectedSources sources = new ExpectedSources(List.of(
                source(ExpectedSource.Kind.BYTECODE, "app.jar", "abc1234",
                        "GET /orders/{orderId} a.Orders#get", "* /orders/{orderId}/notes a.Orders#notes",
                        "POST /internal/reindex a.Admin#reindex"),
                source(ExpectedSource.Kind.SPEC, "openapi.yaml", null,
                        "GET /orders/{id} openapi.yaml#getOrder", "PUT /orders/{id}/notes openapi.yaml#putNotes",
                        "DELETE /orders/{id} openapi.yaml#deleteOrder")));

        SourceAgreement agreement = SourceAgreement.of(sources);
        ExpectedRoutes combined = sources.combined();

        assertThat(combined.source()).isEqualTo("app.jar + openapi.yaml");
        assertThat(combined.build().commit()).isEqualTo("abc1234");
        assertThat(agreement.rows()).extracting(r -> r.route().method() + " " + r.route().template() + " "
                + r.declared() + " " + r.route().handler())
                .containsExactlyInAnyOrder(
                        "POST /internal/reindex [code] a.Admin#reindex",
                        "DELETE /orders/{id} [spec] openapi.yaml#deleteOrder",
                        "GET /orders/{orderId} [code, spec] a.Orders#get; openapi.yaml#getOrder",
                        "* /orders/{orderId}/notes [code] a.Orders#notes",
                        "PUT /orders/{id}/notes [code, spec] openapi.yaml#putNotes");
        assertThat(agreement.documentedNotImplemented()).extracting(Route::toString)
                .containsExactly("DELETE /orders/{id}");
    }

    @Test
    void specsAloneDisagreeWithNothing() {
        ExpectedSources sources = new ExpectedSources(List.of(
                source(ExpectedSource.Kind.SPEC, "a.yaml", null, "GET /a a.yaml#a"),
                source(ExpectedSource.Kind.SPEC, "b.yaml", null, "GET /b b.yaml#b")));

        assertThat(SourceAgreement.of(sources).documentedNotImplemented()).isEmpty();
    }
}
