package dev.runtruth.agent.routes.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.LoomServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
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

    @Test
    void aServerAndItsShutdownHandlerAreOneServerUntilItStops() throws Exception {
        Map<String, Object> listeners = new LinkedHashMap<>();
        listeners.put("@default", new Object());
        AtomicBoolean running = new AtomicBoolean(true);
        LoomServer server = new LoomServer(listeners, running);
        Object handler = server.shutdownHandler();
        HelidonRoutes.onServer(handler); // found by discovery
        HelidonRoutes.onServer(server); // and hooked

        assertThat(HelidonRoutes.servers()).as("one per listeners map").hasSize(1);
        assertThat(HelidonRoutes.isRunning(handler)).isTrue();
        assertThat(HelidonRoutes.listeners(handler)).isSameAs(listeners);

        running.set(false);
        assertThat(HelidonRoutes.isRunning(handler)).isFalse();
        assertThat(HelidonRoutes.servers()).as("stopped: forgotten").isEmpty();
    }
}
