package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One Spring Boot app in its own JVM with the shaded agent attached, held against the framework's own truth:
 * {@code /actuator/mappings} for routes, the JVM's class-load log and the fat jar's bytes for the classpath, the
 * jar's {@code git.properties} for the build. One subclass per app, Boot line and JDK.
 */
abstract class AbstractSpringAppIT extends AbstractAgentScenarioIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Prefixes of the nested jars every Spring MVC app loads classes from. */
    static final List<String> MVC_JARS = List.of("spring-webmvc-", "spring-core-", "tomcat-embed-core-");
    /** {@link #MVC_JARS} and Spring Boot Admin's server, for the apps that embed it. */
    static final List<String> ADMIN_SERVER_JARS = List.of("spring-webmvc-", "spring-core-", "tomcat-embed-core-",
            "spring-boot-admin-server-");

    private Path classLoadLog;

    /** @return the servlet context path the app runs with, e.g. {@code /ctx}; empty for the root */
    String contextPath() {
        return "";
    }

    /** @return the dispatcher servlet path the app runs with, e.g. {@code /mvc}; empty for the default */
    String servletPath() {
        return "";
    }

    /**
     * @return a path (below context and servlet path) that answers 200 only once the app is fully started; by
     *         default the route the apps under {@code agent-tests/apps} register through {@code registerMapping(..)}
     *         from their {@code ApplicationReadyEvent} listener
     */
    String readinessPath() {
        return "/late/registered/ready";
    }

    /** @return the least number of routes the app must list: the scenario must not pass on a trivial app */
    int minimumRoutes() {
        return 20;
    }

    /** @return routes (without context and servlet path) that must be listed, e.g. the one added by registerMapping */
    abstract Set<Route> requiredRoutes();

    /** @return prefixes of nested jar names whose classes must have been loaded, e.g. {@code spring-webmvc-} */
    List<String> requiredLoadedJars() {
        return MVC_JARS;
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        classLoadLog = builder.logs().resolve("class-load.log");
        List<String> args = new ArrayList<>(List.of("--server.port=" + httpPort));
        if (!contextPath().isEmpty()) {
            args.add("--server.servlet.context-path=" + contextPath());
        }
        if (!servletPath().isEmpty()) {
            args.add("--spring.mvc.servlet.path=" + servletPath());
        }
        builder.jvmArgs(ClassLoadLog.option(classLoadLog)).args(args);
    }

    @Override
    boolean startupFollowed() {
        return true;
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        app.awaitHttp200(appUrl(readinessPath()), START_TIMEOUT).awaitMetrics(AppUnderAgent.METRICS_TIMEOUT);
    }

    @Test
    void agentRoutesEqualActuatorMappings() throws IOException {
        Set<Route> actuator = ActuatorMappings.read(appUrl("/actuator/mappings"), prefix());
        assertThat(actuator).as("actuator's own listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(prefixed(requiredRoutes()));
        app().assertRoutesEqual("/actuator/mappings", actuator, "runtruth_route_info", app().scrape().routes());
    }

    @Test
    void loadedNestedJarsAreInventoriedWithTheirDigest() throws IOException {
        Map<String, String> digests = FatJar.nestedJarDigests(appJar());
        Set<String> loaded = ClassLoadLog.nestedJarsWithLoadedClasses(classLoadLog);
        loaded.retainAll(digests.keySet());
        for (String required : requiredLoadedJars()) {
            assertThat(loaded).as("classes loaded from a nested %s*.jar (class-load log %s)", required, classLoadLog)
                    .anyMatch(jar -> jar.startsWith(required));
        }

        List<Map<String, String>> entries = app().scrape().classpathEntries();
        Map<String, String> problems = new TreeMap<>();
        for (String jar : loaded) {
            Optional<Map<String, String>> entry = entries.stream().filter(e -> describes(e, jar)).findFirst();
            if (entry.isEmpty()) {
                problems.put(jar, "no " + AgentScrape.CLASSPATH_ENTRY_INFO + " series");
            } else if (!digests.get(jar).equals(entry.get().get("sha256"))) {
                problems.put(jar, "sha256 " + entry.get().get("sha256") + ", bytes in the jar hash to "
                        + digests.get(jar));
            }
        }
        assertThat(problems)
                .as("%d nested jars with loaded classes, %d classpath entries exported; e.g. %s\n%s",
                        loaded.size(), entries.size(), entries.stream().limit(3).toList(), app().describe())
                .isEmpty();
    }

    @Test
    void buildInfoCommitIsTheJarsGitCommit() throws IOException {
        Optional<String> commit = FatJar.gitCommitId(appJar());
        assertThat(commit).as("git.commit.id in %s!/BOOT-INF/classes/git.properties", appJar()).isPresent();

        List<Map<String, String>> buildInfo = app().scrape().buildInfo();
        assertThat(buildInfo).as("%s series\n%s", AgentScrape.BUILD_INFO, app().describe()).hasSize(1);
        assertThat(buildInfo.get(0)).containsEntry("commit", commit.get()).containsEntry("service", service());
    }

    /** @return {@code http://127.0.0.1:<port><context path><servlet path><path>} */
    @Override
    String appUrl(String path) {
        return super.appUrl(prefix() + path);
    }

    private String prefix() {
        return contextPath() + servletPath();
    }

    private Set<Route> prefixed(Set<Route> routes) {
        Set<Route> result = new java.util.LinkedHashSet<>();
        routes.forEach(r -> result.add(Route.of(r.method(), prefix() + r.template(), r.framework(), r.handler())));
        return result;
    }

    /**
     * Whether a classpath entry series is the nested jar {@code jarName}: its location names the jar, or its name is
     * the file name, or name and version make up the file name.
     */
    static boolean describes(Map<String, String> entry, String jarName) {
        String location = entry.getOrDefault("location", "");
        String name = entry.getOrDefault("name", "");
        String version = entry.getOrDefault("version", "");
        return location.endsWith("/" + jarName) || location.contains("/" + jarName + "!")
                || location.endsWith("!" + jarName) || name.equals(jarName)
                || (name + "-" + version + ".jar").equals(jarName);
    }
}
