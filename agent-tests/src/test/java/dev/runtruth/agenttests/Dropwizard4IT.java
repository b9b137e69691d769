package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Dropwizard 4.0 (Jersey 3.0, jakarta, Jetty 11) under application context path {@code /app} and Jersey URL pattern
 * {@code /api/*}: regex templates, explicit HEAD/OPTIONS, nested sub-resource locators, a programmatic resource,
 * checked against Jersey's WADL. Dropwizard's admin connector listens on a port of its own: its tasks are held against
 * the task list Dropwizard logs at start-up, and its routes must carry that port.
 */
class Dropwizard4IT extends AbstractJerseyAppIT {

    static final String BASE = "/app/api";
    // AdminEnvironment#logTasks (Dropwizard 1-4): "    POST    /tasks/gc (io.dropwizard.servlets.tasks.Garbage...)"
    private static final Pattern TASK_LINE = Pattern.compile("^\\s+(POST)\\s+(/tasks/\\S+) \\(");

    private final int adminPort = TestJvm.freePort();

    @Override
    String service() {
        return "dropwizard4-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("dropwizard4");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Ddw.server.applicationConnectors[0].port=" + httpPort,
                "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.adminConnectors[0].port=" + adminPort,
                "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.applicationContextPath=/app");
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("server");
    }

    @Override
    String readinessPath() {
        return BASE + "/things";
    }

    @Override
    String jerseyBase() {
        return BASE;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("HEAD " + BASE + "/things/{id}"),
                Route.parse("OPTIONS " + BASE + "/things/search"),
                Route.parse("DELETE " + BASE + "/things/{id}/parts/{partId}/notes/{noteId}"),
                Route.parse("GET " + BASE + "/programmatic/{name}"));
    }

    @Override
    Set<Integer> servedPorts() {
        return Set.of(app().httpPort(), adminPort);
    }

    /**
     * Dropwizard's tasks are the routes they are, {@code POST /tasks/<name>} on the admin connector's port, exactly the
     * list Dropwizard logs at start-up ({@code tasks = ...}); not the task servlet's {@code * /tasks/**}.
     */
    @Test
    void tasksAreTheTaskListDropwizardLogsOnTheAdminPort() throws IOException {
        Set<Route> truth = new LinkedHashSet<>();
        for (String line : app().jvm().stdoutLines()) {
            Matcher m = TASK_LINE.matcher(line);
            if (m.find()) {
                truth.add(Route.parse(m.group(1) + " " + m.group(2)));
            }
        }
        assertThat(truth).as("Dropwizard's task list on stdout (sanity)\n%s", app().describe())
                .contains(Route.parse("POST /tasks/gc"), Route.parse("POST /tasks/log-level"));
        Set<Route> agent = app().scrape().routes();
        Set<Route> tasks = agent.stream().filter(r -> r.template().startsWith("/tasks/"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        app().assertRoutesEqual("Dropwizard's task list", truth, "runtruth_route_info under /tasks/", tasks);
        assertThat(tasks).as("every task on the admin port %d", adminPort)
                .allSatisfy(r -> assertThat(r.port()).isEqualTo(String.valueOf(adminPort)));
    }

    /**
     * The admin servlet's {@code /*} serves the admin port only ({@code /ping} answers there, 404 on the application
     * port): its route, and every other route of the admin context, carries the admin port; the application's routes
     * carry none.
     */
    @Test
    void adminRoutesCarryTheAdminPortAndApplicationRoutesNone() throws IOException {
        assertThat(TestJvm.get("http://127.0.0.1:" + adminPort + "/ping").statusCode()).isEqualTo(200);
        assertThat(TestJvm.get(appUrl("/ping")).statusCode()).isEqualTo(404);
        Set<Route> agent = app().scrape().routes();
        assertThat(agent).as("the admin servlet's /* on the admin port")
                .anySatisfy(r -> {
                    assertThat(r.toString()).isEqualTo("* /**");
                    assertThat(r.port()).isEqualTo(String.valueOf(adminPort));
                });
        assertThat(agent.stream().filter(r -> r.framework().equals("jaxrs")))
                .as("JAX-RS routes are on the application connector").allSatisfy(r -> assertThat(r.port()).isEmpty());
        assertThat(agent.stream().filter(r -> r.port().isEmpty()).map(Route::toString))
                .as("nothing of the admin context without its port").doesNotContain("* /**", "* /tasks/**");
    }

    /**
     * {@code runtruth check} compares the application connector's routes only: the admin servlet's {@code * /**} and
     * the tasks on the admin port are neither unexpected nor anything else of the report, a note names them with the
     * admin port, and {@code --all-listeners} brings them back (so the default is a choice, not a blind spot).
     */
    @Test
    void checkDoesNotCountTheAdminConnectorAgainstTheApplicationPort() throws IOException {
        Set<String> admin = app().scrape().routeSeries().stream().filter(Route::onSeparateListener)
                .map(Route::toString).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(admin).as("admin connector routes (sanity)").contains("* /**", "POST /tasks/gc");
        OneShot check = check();
        JsonNode report = new ObjectMapper().readTree(check.stdout());
        assertThat(reported(report)).as(check.describe()).doesNotContainAnyElementsOf(admin);
        assertThat(check.stderr()).as(check.describe()).contains("left out the routes of separate")
                .contains(admin.size() + " routes on port " + adminPort);

        OneShot all = check("--all-listeners");
        assertThat(reported(new ObjectMapper().readTree(all.stdout()))).as(all.describe()).contains("* /**",
                "POST /tasks/gc");
    }

    private OneShot check(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--expected", appJar().toString(),
                "--path-prefix=" + BASE, "--agent", metricsUrl(), "--json", "--no-default-ignores"));
        args.addAll(List.of(more));
        OneShot check = OneShot.run("collector-check-" + service(), java.time.Duration.ofSeconds(60),
                OneShot.javaJar(Artifacts.collectorJar(), args.toArray(String[]::new)));
        assertThat(check.exitCode()).as(check.describe()).isIn(0, 1);
        return check;
    }

    /**
     * @return every route the report names: unexpected, ignored, missing, and those that come with a library the shaded
     *         jar bundles (the admin servlet and the tasks are Dropwizard's classes)
     */
    private static Set<String> reported(JsonNode report) {
        Set<String> routes = new LinkedHashSet<>();
        for (String list : List.of("unexpected", "ignored", "missing", "fromLibraries")) {
            report.path(list).forEach(r -> routes.add(r.path("method").asText() + " " + r.path("route").asText()));
        }
        return routes;
    }
}
