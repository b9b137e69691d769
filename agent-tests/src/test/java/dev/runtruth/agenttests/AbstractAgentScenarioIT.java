package dev.runtruth.agenttests;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every framework scenario: one app in its own JVM with the shaded agent attached ({@link AppUnderAgent}),
 * started once per class, and the checks every scenario makes of the agent (no capture errors, nothing on stderr).
 * A framework scenario (one abstract subclass per framework) says how to start its app and how to read the
 * framework's own truth, and holds the agent's routes against it; a version subclass says which app, JDK and options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAgentScenarioIT {

    private AppUnderAgent app;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code boot35-admin-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /**
     * Adds the app's JVM options and program arguments; the agent and the jar are set already.
     *
     * @param builder  the app's command line
     * @param httpPort the free loopback port the app must serve HTTP on
     */
    abstract void launch(TestJvm.Builder builder, int httpPort);

    /**
     * Waits until the app and the agent's endpoint answer, e.g. with
     * {@code app.awaitHttp200(appUrl(..), timeout).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT)}.
     *
     * @param app the started app
     */
    abstract void awaitReady(AppUnderAgent app);

    /** @return the agent's package as a stderr line would name it; a line naming it fails the scenario */
    String agentPackage() {
        return "dev.runtruth.agent";
    }

    /**
     * @param line a line of the app's stderr
     * @return whether it is an agent line this app is known to cause (a documented warning); none by default
     */
    boolean toleratedAgentLine(String line) {
        return false;
    }

    @BeforeAll
    void startApp() {
        app = AppUnderAgent.start(service(), service(), javaHome(), appJar(), this::launch);
        awaitReady(app);
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noCaptureErrors() throws IOException {
        app.assertNoCaptureErrors();
    }

    @Test
    void agentWritesNothingToStderr() {
        app.assertAgentSilentOnStderr(agentPackage(), this::toleratedAgentLine);
    }

    /** @return the running app; set before the first test */
    AppUnderAgent app() {
        return app;
    }

    /**
     * @param path a path with its leading {@code /}; scenarios with a context path put it in front
     * @return the app's URL of {@code path}
     */
    String appUrl(String path) {
        return app.url(path);
    }

    /** @return the agent's Prometheus text endpoint */
    String metricsUrl() {
        return app.metricsUrl();
    }
}
