package dev.runtruth.agent.routes.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paths Helidon's {@code PathMatcher#matchingElement()} gives (helidon-http 4.3+), as route templates. */
class HelidonRoutesTest {

    @ParameterizedTest
    @CsvSource({
        // exact, prefix and pattern matchers (PathMatchers.create), any matcher ("")
        "/greet, /greet",
        "/greet/*, /greet/**",
        "/, /",
        "/greet/{name}, /greet/{name}",
        "/files/{+path}, /files/{*path}",
        "'', /**",
    })
    void aRoutesMatchingElementIsItsTemplate(String element, String template) {
        assertThat(HelidonRoutes.routePath(element)).isEqualTo(template);
    }

    @ParameterizedTest
    @CsvSource({
        // register("/greet", ..) is an exact matcher used as a prefix; register("/greet/*", ..) a prefix matcher
        "/greet, /greet",
        "/greet/*, /greet",
        "/api/{version}, /api/{version}",
        "'', ''",
    })
    void aServicesMatchingElementIsItsPrefix(String element, String prefix) {
        assertThat(HelidonRoutes.servicePath(element)).isEqualTo(prefix);
    }
}
