package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One Micronaut app in its own JVM with the shaded agent attached, held against Micronaut's own listing: the
 * micronaut-management {@code /routes} endpoint. One subclass per app, Micronaut line, JDK and configuration.
 */
abstract class AbstractMicronautAppIT extends AbstractAgentScenarioIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** @return {@code micronaut.server.context-path}, e.g. {@code /ctx}; empty for none */
    String contextPath() {
        return "";
    }

    /** @return the least number of routes the app must list: the scenario must not pass on a trivial app */
    abstract int minimumRoutes();

    /** @return routes (as requested, context path included) that must be listed, e.g. a library's endpoint */
    abstract Set<Route> requiredRoutes();

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        List<String> args = new ArrayList<>(List.of("--micronaut.server.port=" + httpPort));
        if (!contextPath().isEmpty()) {
            args.add("--micronaut.server.context-path=" + contextPath());
        }
        builder.args(args);
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl("/health"), START_TIMEOUT).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Test
    void agentRoutesEqualRoutesEndpoint() throws IOException {
        Set<Route> truth = MicronautRoutesEndpoint.read(appUrl("/routes"));
        assertThat(truth).as("Micronaut's own /routes listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        app().assertRoutesEqual("/routes", truth, "runtruth_route_info", app().routes("micronaut"));
    }

    /** @return {@code http://127.0.0.1:<port><context path><path>} */
    @Override
    String appUrl(String path) {
        return super.appUrl(contextPath() + path);
    }
}
