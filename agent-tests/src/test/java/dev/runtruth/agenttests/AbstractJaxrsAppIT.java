package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One JAX-RS app in its own JVM with the shaded agent attached, its {@code framework="jaxrs"} routes held against the
 * implementation's own listing of the same application (Jersey's WADL, RESTEasy's registry). One subclass per app,
 * implementation line and JDK.
 */
abstract class AbstractJaxrsAppIT extends AbstractAgentScenarioIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /**
     * @param httpPort the port the app must listen on (loopback)
     * @return JVM options (before {@code -jar}) that start the app on that port
     */
    abstract List<String> jvmArgs(int httpPort);

    /** @return the app's command-line arguments (after the jar) */
    List<String> appArgs(int httpPort) {
        return List.of();
    }

    /** @return a path that answers 200 only once the app serves requests, e.g. {@code /app/api/things} */
    abstract String readinessPath();

    /**
     * @return the implementation's own listing of the app's routes, full paths as a client requests them
     * @throws IOException if it cannot be read
     */
    abstract Set<Route> truth() throws IOException;

    /** @return the name of the truth, for messages, e.g. {@code application.wadl} */
    abstract String truthName();

    /** @return routes (full paths) the truth must contain: the scenario must not pass on a trivial app */
    abstract Set<Route> requiredRoutes();

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        builder.jvmArgs(jvmArgs(httpPort).toArray(String[]::new)).args(appArgs(httpPort));
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl(readinessPath()), START_TIMEOUT).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Test
    void agentRoutesEqualTheImplementationsListing() throws IOException {
        Set<Route> truth = truth();
        assertThat(truth).as("%s (sanity)", truthName()).containsAll(requiredRoutes());
        app().assertRoutesEqual(truthName(), truth, "runtruth_route_info{framework=\"jaxrs\"}",
                app().routes("jaxrs"));
    }

    // "dev.runtruth.agent." with the dot: the apps' own log lines name their dev.runtruth.agenttests classes
    @Override
    String agentPackage() {
        return "dev.runtruth.agent.";
    }

    /**
     * @param line a line of the app's stderr
     * @return whether it is an agent line this app is known to cause outside the JAX-RS capture (a documented
     *         warning of another family); none by default
     */
    @Override
    boolean toleratedAgentLine(String line) {
        return false;
    }
}
