package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One Spring Boot WebFlux app in its own JVM with the shaded agent attached, held against the framework's own truth:
 * the {@code dispatcherHandlers} section of {@code /actuator/mappings}. The app is the same on every Boot line
 * ({@code agent-tests/apps/boot35-webflux}, {@code boot41-webflux}); one subclass per Boot line, JDK and base path.
 */
abstract class AbstractSpringWebFluxIT extends AbstractAgentScenarioIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** @return {@code spring.webflux.base-path} the app runs with, e.g. {@code /base}; empty for none */
    String basePath() {
        return "";
    }

    /** @return a path (below the base path) that answers 200 only once the app is fully started */
    String readinessPath() {
        return "/late/registered/ready";
    }

    /** @return the least number of routes the app must list: the scenario must not pass on a trivial app */
    int minimumRoutes() {
        return 15;
    }

    /**
     * @return routes (without the base path) that must be listed: the late {@code registerMapping}, the annotated
     *         controller, the functional endpoints and springdoc's routes, which every WebFlux app here has
     */
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /late/registered/{id}"),
                Route.parse("GET /greetings/{name}"),
                Route.parse("GET /fn/hello"),
                Route.parse("POST /fn/nested/items/{itemId}"),
                Route.parse("GET /v3/api-docs"),
                Route.parse("* /webjars/**"));
    }

    @Override
    boolean startupFollowed() {
        return true;
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + httpPort));
        if (!basePath().isEmpty()) {
            args.add("--spring.webflux.base-path=" + basePath());
        }
        builder.args(args);
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl(readinessPath()), START_TIMEOUT).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Test
    void agentRoutesEqualActuatorDispatcherHandlers() throws IOException {
        Set<Route> actuator = ActuatorMappings.read(appUrl("/actuator/mappings"), basePath(),
                ActuatorMappings.DISPATCHER_HANDLERS);
        Set<Route> agent = app().scrape().routes();
        assertThat(actuator).as("actuator's own listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(prefixed(requiredRoutes()));
        app().assertRoutesEqual("/actuator/mappings", actuator, "runtruth_route_info", agent);
        assertThat(agent).as("framework label").allMatch(route -> route.framework().equals("spring-webflux"));
    }

    /** @return {@code http://127.0.0.1:<port><base path><path>} */
    @Override
    String appUrl(String path) {
        return super.appUrl(basePath() + path);
    }

    private Set<Route> prefixed(Set<Route> routes) {
        Set<Route> result = new LinkedHashSet<>();
        routes.forEach(r -> result.add(Route.of(r.method(), basePath() + r.template(), r.framework(), r.handler())));
        return result;
    }
}
