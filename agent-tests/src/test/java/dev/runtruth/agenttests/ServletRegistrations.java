package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.Route;
import dev.runtruth.model.ServletUrlPattern;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's own servlet listing ({@code ServletContext#getServletRegistrations()}), read over HTTP, turned into
 * routes with the rules of docs/path-templates.md ("Servlet url-patterns") and docs/agent.md ("Servlet API"): one route
 * per url-pattern, method {@code *}, template {@link ServletUrlPattern#toTemplate(String, String)} (the model's, the
 * same code the agent uses), handler the servlet class; Jetty's {@code Default404Servlet} placeholder is left out.
 */
final class ServletRegistrations {

    static final String FRAMEWORK = "servlet";
    static final String JETTY_404_SUFFIX = ".ServletHandler$Default404Servlet";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServletRegistrations() {
    }

    /** One url-pattern of one registration. */
    record Mapping(String contextPath, String name, String className, String urlPattern) {

        Route route() {
            return Route.of(Route.ANY_METHOD, ServletUrlPattern.toTemplate(contextPath, urlPattern), FRAMEWORK,
                    className);
        }

        boolean isJetty404() {
            return className.startsWith("org.eclipse.jetty.") && className.endsWith(JETTY_404_SUFFIX);
        }
    }

    /**
     * @param url the test apps' {@code RegistrationsServlet}: lines {@code contextPath TAB name TAB className TAB
     *            urlPattern}
     * @return every mapping listed
     */
    static List<Mapping> fromApp(String url) throws IOException {
        HttpResponse<String> response = TestJvm.get(url);
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        List<Mapping> mappings = new ArrayList<>();
        for (String line : response.body().split("\r?\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t", -1);
                assertThat(f).as("line of %s: %s", url, line).hasSize(4);
                mappings.add(new Mapping(f[0], f[1], f[2], f[3]));
            }
        }
        return mappings;
    }

    /**
     * @param url         Spring Boot's {@code /actuator/mappings}: {@code contexts.*.mappings.servlets[]} lists
     *                    {@code getServletRegistrations()} as {@code name}, {@code className}, {@code mappings}
     * @param contextPath the servlet context path the app runs with (the actuator does not list it)
     * @return every mapping listed
     */
    static List<Mapping> fromActuator(String url, String contextPath) throws IOException {
        HttpResponse<String> response = TestJvm.get(url);
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        List<Mapping> mappings = new ArrayList<>();
        for (JsonNode context : JSON.readTree(response.body()).get("contexts")) {
            JsonNode servlets = context.path("mappings").path("servlets");
            for (JsonNode servlet : servlets) {
                for (JsonNode pattern : servlet.get("mappings")) {
                    mappings.add(new Mapping(contextPath, servlet.get("name").asText(),
                            servlet.get("className").asText(), pattern.asText()));
                }
            }
        }
        return mappings;
    }

    /** @return the routes of the mappings, Jetty's 404 placeholder left out */
    static Set<Route> routes(List<Mapping> mappings) {
        Set<Route> routes = new LinkedHashSet<>();
        mappings.stream().filter(m -> !m.isJetty404()).forEach(m -> routes.add(m.route()));
        return routes;
    }

    /** @return {@code METHOD TEMPLATE <- handler} per route, to compare handlers too (route equality ignores them) */
    static Set<String> withHandlers(Set<Route> routes) {
        Set<String> lines = new java.util.TreeSet<>();
        routes.forEach(r -> lines.add(r + " <- " + r.handler()));
        return lines;
    }
}
