package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A plain (non-Spring) app in its own JVM with the shaded agent attached: the agent's routes of one framework are
 * held against the framework's own listing, which the app serves itself ({@link #truth()}). One abstract subclass
 * per framework, one concrete subclass per framework version and JDK.
 */
abstract class AbstractRouteTruthIT extends AbstractAgentScenarioIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** @return the {@code framework} label value under test, e.g. {@code vertx-web} */
    abstract String framework();

    /** @return the program arguments of the app, given its HTTP port */
    abstract List<String> appArgs(int port);

    /** @return a path that answers 200 once the app serves requests, e.g. {@code /debug/routes} */
    abstract String readinessPath();

    /** @return the framework's own listing of the app's routes, as full paths a client requests */
    abstract Set<Route> truth() throws IOException;

    /** @return the least number of routes the truth must list: the scenario must not pass on a trivial app */
    abstract int minimumRoutes();

    /** @return routes the truth must list (sanity of the scenario: sub-routers, library routes, ...) */
    abstract Set<Route> requiredRoutes();

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        builder.args(appArgs(httpPort));
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl(readinessPath()), START_TIMEOUT).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Test
    void agentRoutesEqualTheFrameworksOwnListing() throws IOException {
        Set<Route> truth = truth();
        assertThat(truth).as("the framework's own listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        app().assertRoutesEqual("the framework's listing", truth, "runtruth_route_info", app().routes(framework()));
    }
}
