package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActuatorMappingsWebFluxTest {

    // recorded from the boot35-webflux app (Spring Boot 3.5.16, springdoc-openapi 2.8.14)
    private static String boot35WebFluxMappings() throws IOException {
        try (InputStream in = ActuatorMappingsWebFluxTest.class.getResourceAsStream("/boot35-webflux-mappings.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsAllThreeKindsOfDispatcherHandlerEntries() throws IOException {
        Set<Route> routes = ActuatorMappings.parse(boot35WebFluxMappings(), "", ActuatorMappings.DISPATCHER_HANDLERS);

        assertThat(routes).hasSize(18).contains(
                Route.parse("GET /late/registered/{id}"),      // handler method, registered late
                Route.parse("GET /v3/api-docs"),               // handler method of a library
                Route.parse("GET /fn/hello"),                  // router function
                Route.parse("POST /fn/nested/items/{x}"),      // nested router function
                Route.parse("* /webjars/swagger-ui/**"));      // URL handler mapping (PathPattern key)
        assertThat(routes).doesNotContain(Route.parse("POST /items/{itemId}"));
    }

    @Test
    void prefixesTheBasePath() throws IOException {
        Set<Route> routes = ActuatorMappings.parse(boot35WebFluxMappings(), "/base",
                ActuatorMappings.DISPATCHER_HANDLERS);

        assertThat(routes).contains(Route.parse("GET /base/greetings/{name}"), Route.parse("* /base/**"));
        assertThat(routes).allMatch(route -> route.template().startsWith("/base/"));
    }

    @Test
    void servletSectionOfAReactiveAppIsEmpty() throws IOException {
        assertThat(ActuatorMappings.parse(boot35WebFluxMappings(), "")).isEmpty();
    }
}
