package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The collector's bytecode reading of one app jar ({@code runtruth expected --json <jar>}, no class loaded) against
 * the routes the agent reports from the same jar running in its own JVM ({@code runtruth_route_info}). One subclass
 * per app; the truth is the running framework, as the agent reads it from the framework's registries.
 *
 * <p>The comparison rule. Bytecode shows what the application's own classes declare with annotations, nothing else,
 * so both sides are cut down to that before they are held equal:
 * <ul>
 *   <li>only routes whose handler class (the handler label before {@code #}) is in the app's own package
 *       ({@link #appPackage()}, {@code dev.runtruth.agenttests.}) take part: routes of libraries (actuator, WADL,
 *       health and reflection services, management endpoints) are the library's, not the repository's; in a shaded
 *       jar the collector sees library classes as application classes, so its side is cut the same way;</li>
 *   <li>agent routes whose handler class is one of {@link #codeBuiltHandlers()} are left out: the app registers
 *       those in code (a Micronaut {@code RouteBuilder}, a Spring {@code RouterFunction} bean or
 *       {@code registerMapping}, a Jersey {@code Resource.builder}), which bytecode cannot show; the collector says so
 *       in a {@code note:} line where it can tell ({@link #expectedNote()});</li>
 *   <li>the prefix a deployment adds in code or configuration ({@link #deploymentPrefix()}: a servlet URL pattern,
 *       a deployment context) is joined in front of the collector's routes, as {@code check --path-prefix} does.</li>
 * </ul>
 * What is left must be equal as sets of method + canonical template. On top, {@code runtruth check --path-prefix ...
 * --json} against the running agent must report no missing route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCollectorAgreementIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppUnderAgent running;

    /** @return the app name for {@link Artifacts#app(String)}, e.g. {@code micronaut4} */
    abstract String app();

    /** @return the {@code framework} label value both sides must carry, e.g. {@code micronaut} */
    abstract String framework();

    /** @return JVM options of the app, given its HTTP port */
    List<String> jvmArgs(int httpPort) {
        return List.of();
    }

    /** @return program arguments of the app, given its HTTP port */
    abstract List<String> appArgs(int httpPort);

    /** @return a path that answers 200 once the app serves requests, or {@code null} to wait for {@code READY} */
    abstract String readinessPath();

    /** @return the least number of routes the comparison must cover: the scenario must not pass on nothing */
    abstract int minimumRoutes();

    /** @return the package prefix of the app's own classes */
    String appPackage() {
        return "dev.runtruth.agenttests.";
    }

    /** @return binary names of the app's classes whose routes are built in code (nested classes included) */
    Set<String> codeBuiltHandlers() {
        return Set.of();
    }

    /** @return a fragment of the {@code runtruth: note:} line the collector must print, {@code null} for none */
    String expectedNote() {
        return null;
    }

    /**
     * @return whether the collector must list the app's own routes only, with no library route to cut away (a shaded
     *         jar whose own classes the collector tells apart: docs/collector.md, "Shaded and uber jars")
     */
    boolean collectorListsOnlyTheAppsRoutes() {
        return false;
    }

    /** @return the path the deployment puts in front of every route, outside the bytecode; empty for none */
    String deploymentPrefix() {
        return "";
    }

    @BeforeAll
    void startApp() {
        running = AppUnderAgent.start("collector-" + app(), app(), Jdks.current(), appJar(),
                (builder, httpPort) -> builder.jvmArgs(jvmArgs(httpPort).toArray(String[]::new))
                        .args(appArgs(httpPort)));
        if (readinessPath() != null) {
            running.awaitHttp200(running.url(readinessPath()), START_TIMEOUT);
        } else {
            running.awaitStdoutLine("READY", START_TIMEOUT);
        }
        running.awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @AfterAll
    void stopApp() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void expectedRoutesOfTheAppsOwnClassesEqualTheAgentsRoutes() throws IOException {
        OneShot expected = OneShot.run("collector-expected-" + app(), Duration.ofSeconds(60),
                OneShot.javaJar(Artifacts.collectorJar(), "expected", "--json", appJar().toString()));
        assertThat(expected.exitCode()).as(expected.describe()).isZero();
        if (collectorListsOnlyTheAppsRoutes()) {
            assertThat(CollectorAgreementIT.routesIn(JSON.readTree(expected.stdout())))
                    .as("every route the collector lists is the app's own\n%s", expected.describe())
                    .allMatch(this::ownHandler);
        }
        Set<Route> collector = CollectorAgreementIT.routesIn(JSON.readTree(expected.stdout())).stream()
                .filter(route -> ownHandler(route))
                .map(route -> Route.of(route.method(), PathTemplate.join(deploymentPrefix(), route.template()),
                        route.framework(), route.handler()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Route> agent = running.routes(framework()).stream()
                .filter(route -> ownHandler(route) && !codeBuilt(route))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        System.out.printf("collector-%s: %d routes compared (collector %d, agent %d)%n", app(), collector.size(),
                collector.size(), agent.size());

        assertThat(collector).as("collector routes of the app's own classes (sanity)\n%s", expected.describe())
                .hasSizeGreaterThanOrEqualTo(minimumRoutes())
                .allSatisfy(route -> assertThat(route.framework()).isEqualTo(framework()));
        assertThat(RouteDiff.describe("collector expected", collector, "agent (app's own, annotated)", agent))
                .as("collector == agent on %s\n%s\n%s", app(), expected.describe(), running.describe())
                .isEmpty();
        if (expectedNote() != null) {
            assertThat(expected.stderr()).as("a note on routes built in code").contains("runtruth: note: ")
                    .contains(expectedNote());
        }
    }

    @Test
    void checkFindsEveryExpectedRouteServed() throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--expected", appJar().toString(),
                "--agent", running.agentUrl(), "--json"));
        if (!deploymentPrefix().isEmpty()) {
            args.add("--path-prefix=" + deploymentPrefix());
        }
        OneShot check = OneShot.run("collector-check-" + app(), Duration.ofSeconds(60),
                OneShot.javaJar(Artifacts.collectorJar(), args.toArray(String[]::new)));
        assertThat(check.exitCode()).as(check.describe()).isIn(0, 1);
        JsonNode report = JSON.readTree(check.stdout());
        Set<Route> missing = CollectorAgreementIT.routesIn(report.path("missing")).stream()
                .filter(route -> collectorListsOnlyTheAppsRoutes() || ownHandler(route))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(missing).as("expected routes of the app's own classes the running app does not serve\n%s\n%s",
                check.describe(), running.describe()).isEmpty();
        assertThat(report.path("matched").asInt()).as(check.describe()).isGreaterThanOrEqualTo(minimumRoutes());
    }

    private Path appJar() {
        return Artifacts.app(app());
    }

    private boolean ownHandler(Route route) {
        return handlerClass(route).startsWith(appPackage());
    }

    private boolean codeBuilt(Route route) {
        String type = handlerClass(route);
        return codeBuiltHandlers().stream().anyMatch(c -> type.equals(c) || type.startsWith(c + "$"));
    }

    private static String handlerClass(Route route) {
        int hash = route.handler().indexOf('#');
        return hash < 0 ? route.handler() : route.handler().substring(0, hash);
    }
}
