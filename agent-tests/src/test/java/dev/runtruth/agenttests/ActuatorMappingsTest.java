package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActuatorMappingsTest {

    // recorded from the boot35-admin app (Spring Boot 3.5.16, Spring Boot Admin 3.5.9)
    private static String boot35Mappings() throws IOException {
        try (InputStream in = ActuatorMappingsTest.class.getResourceAsStream("/boot35-admin-mappings.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsAllThreeKindsOfEntries() throws IOException {
        Set<Route> routes = ActuatorMappings.parse(boot35Mappings(), "");

        assertThat(routes).contains(
                Route.parse("GET /late/registered/{id}"),      // handler method, registered late
                Route.parse("GET /fn/hello"),                  // router function
                Route.parse("POST /fn/nested/items/{x}"),      // nested router function
                Route.parse("* /webjars/**"),                  // URL handler mapping
                Route.parse("* /error"),                       // no method condition
                Route.parse("OPTIONS /instances/{id}/actuator/**"));
        assertThat(routes).doesNotContain(Route.parse("GET /items/{itemId}"));
    }

    @Test
    void prefixesContextAndServletPath() throws IOException {
        Set<Route> routes = ActuatorMappings.parse(boot35Mappings(), "/ctx/mvc");

        assertThat(routes).contains(Route.parse("GET /ctx/mvc/applications"), Route.parse("GET /ctx/mvc/fn/hello"),
                Route.parse("* /ctx/mvc/**"));
        assertThat(routes).allMatch(route -> route.template().startsWith("/ctx/mvc/"));
    }

    @Test
    void unknownEntryIsAnError() {
        String json = "{\"contexts\":{\"app\":{\"mappings\":{\"dispatcherServlets\":{\"d\":["
                + "{\"predicate\":\"something new\",\"handler\":\"h\"}]}}}}}";
        assertThatThrownBy(() -> ActuatorMappings.parse(json, "")).hasMessageContaining("something new");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "(GET && /hello)                               => GET /hello",
            "(/api && (POST && /items/{id}))               => POST /api/items/{id}",
            "(/a && (/b && (DELETE && /c)))                => DELETE /a/b/c",
            "([GET, HEAD] && /x)                           => GET /x;HEAD /x",
            "((GET || POST) && /x)                         => GET /x;POST /x",
            "(GET && /x) || (PUT && /y)                    => GET /x;PUT /y",
            "/plain                                        => * /plain",
            "(GET && /x && Accept: [application/json])     => GET /x",
            "(GET && /x/{id:\\d+} && !(?debug))            => GET /x/{id}",
    })
    void parsesRouterPredicates(String predicate, String expected) {
        Set<Route> routes = ActuatorMappings.RouterPredicate.parse(predicate).stream()
                .flatMap(a -> a.methodsOrAny().stream().map(m -> Route.of(m, a.path(), "", "")))
                .collect(Collectors.toSet());

        Set<Route> want = List.of(expected.split(";")).stream().map(Route::parse).collect(Collectors.toSet());
        assertThat(routes).isEqualTo(want);
    }

    @Test
    void predicateWithoutPathIsAnError() {
        assertThatThrownBy(() -> ActuatorMappings.RouterPredicate.parse("(GET && Accept: [text/plain])"))
                .hasMessageContaining("no path");
    }
}
