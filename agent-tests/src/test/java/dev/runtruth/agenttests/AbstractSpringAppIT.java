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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One Spring Boot app in its own JVM with the shaded agent attached, held against the framework's own truth:
 * {@code /actuator/mappings} for routes, the JVM's class-load log and the fat jar's bytes for the classpath, the
 * jar's {@code git.properties} for the build. One subclass per app, Boot line and JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSpringAppIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private TestJvm jvm;
    private int httpPort;
    private int agentPort;
    private Path classLoadLog;

    /** @return the name of this run, also the agent's {@code service} option, e.g. {@code boot35-admin-jdk17} */
    abstract String service();

    /** @return the executable jar of the app */
    abstract Path appJar();

    /** @return the JDK to run the app on; may abort the test class with an assumption */
    Path javaHome() {
        return Jdks.current();
    }

    /** @return the servlet context path the app runs with, e.g. {@code /ctx}; empty for the root */
    String contextPath() {
        return "";
    }

    /** @return the dispatcher servlet path the app runs with, e.g. {@code /mvc}; empty for the default */
    String servletPath() {
        return "";
    }

    /** @return a path (below context and servlet path) that answers 200 only once the app is fully started */
    String readinessPath() {
        return "/actuator/health";
    }

    /** @return the least number of routes the app must list: the scenario must not pass on a trivial app */
    abstract int minimumRoutes();

    /** @return routes (without context and servlet path) that must be listed, e.g. the one added by registerMapping */
    abstract Set<Route> requiredRoutes();

    /** @return prefixes of nested jar names whose classes must have been loaded, e.g. {@code spring-webmvc-} */
    List<String> requiredLoadedJars() {
        return List.of("spring-webmvc-", "spring-core-", "tomcat-embed-core-");
    }

    @BeforeAll
    void startApp() {
        Path home = javaHome();
        httpPort = TestJvm.freePort();
        agentPort = TestJvm.freePort();
        TestJvm.Builder builder = TestJvm.builder(service(), home);
        classLoadLog = builder.logs().resolve("class-load.log");
        List<String> args = new ArrayList<>(List.of("--server.port=" + httpPort));
        if (!contextPath().isEmpty()) {
            args.add("--server.servlet.context-path=" + contextPath());
        }
        if (!servletPath().isEmpty()) {
            args.add("--spring.mvc.servlet.path=" + servletPath());
        }
        jvm = builder.agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,service=" + service())
                .jvmArgs(ClassLoadLog.option(classLoadLog))
                .jar(appJar())
                .args(args)
                .start();
        jvm.awaitHttp200(appUrl(readinessPath()), START_TIMEOUT);
        jvm.awaitHttp200(metricsUrl(), Duration.ofSeconds(10));
    }

    @AfterAll
    void stopApp() {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    void agentRoutesEqualActuatorMappings() throws IOException {
        Set<Route> actuator = ActuatorMappings.read(appUrl("/actuator/mappings"), prefix());
        AgentMetrics metrics = AgentMetrics.scrape(metricsUrl());
        Set<Route> agent = metrics.routes();
        System.out.printf("%s: %d actuator routes, %d agent routes%n", service(), actuator.size(), agent.size());

        assertThat(actuator).as("actuator's own listing (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(prefixed(requiredRoutes()));
        assertThat(RouteDiff.describe("/actuator/mappings", actuator, "runtruth_route_info", agent))
                .as("agent routes == actuator mappings for %s (%d actuator routes, %d agent routes)\n%s",
                        service(), actuator.size(), agent.size(), jvm.describe())
                .isEmpty();
    }

    @Test
    void noCaptureErrors() throws IOException {
        AgentMetrics metrics = AgentMetrics.scrape(metricsUrl());
        assertThat(metrics.captureErrorSeries()).as("%s is exported\n%s", AgentMetrics.CAPTURE_ERRORS, metrics.text())
                .isNotEmpty();
        assertThat(metrics.captureErrors()).as("%s\n%s", AgentMetrics.CAPTURE_ERRORS, jvm.describe()).isZero();
    }

    // a healthy agent is silent; JDK warnings (e.g. sun.misc.Unsafe on JDK 24+) name the caller's class or jar
    @Test
    void agentWritesNothingToStderr() {
        assertThat(jvm.stderrLines())
                .as("stderr lines from or about the agent\n%s", jvm.describe())
                .noneMatch(line -> line.startsWith("[runtruth]") || line.contains("dev.runtruth.agent")
                        || line.contains(Artifacts.agentJar().getFileName().toString()));
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

        List<Map<String, String>> entries = AgentMetrics.scrape(metricsUrl()).classpathEntries();
        Map<String, String> problems = new TreeMap<>();
        for (String jar : loaded) {
            Optional<Map<String, String>> entry = entries.stream().filter(e -> describes(e, jar)).findFirst();
            if (entry.isEmpty()) {
                problems.put(jar, "no " + AgentMetrics.CLASSPATH_ENTRY_INFO + " series");
            } else if (!digests.get(jar).equals(entry.get().get("sha256"))) {
                problems.put(jar, "sha256 " + entry.get().get("sha256") + ", bytes in the jar hash to "
                        + digests.get(jar));
            }
        }
        assertThat(problems)
                .as("%d nested jars with loaded classes, %d classpath entries exported; e.g. %s\n%s",
                        loaded.size(), entries.size(), entries.stream().limit(3).toList(), jvm.describe())
                .isEmpty();
    }

    @Test
    void buildInfoCommitIsTheJarsGitCommit() throws IOException {
        Optional<String> commit = FatJar.gitCommitId(appJar());
        assertThat(commit).as("git.commit.id in %s!/BOOT-INF/classes/git.properties", appJar()).isPresent();

        List<Map<String, String>> buildInfo = AgentMetrics.scrape(metricsUrl()).buildInfo();
        assertThat(buildInfo).as("%s series\n%s", AgentMetrics.BUILD_INFO, jvm.describe()).hasSize(1);
        assertThat(buildInfo.get(0)).containsEntry("commit", commit.get()).containsEntry("service", service());
    }

    /** @return {@code http://127.0.0.1:<port><context path><servlet path><path>} */
    String appUrl(String path) {
        return "http://127.0.0.1:" + httpPort + prefix() + path;
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + agentPort + "/metrics";
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
