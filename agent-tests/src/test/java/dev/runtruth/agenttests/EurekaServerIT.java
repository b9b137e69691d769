package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

/**
 * Spring Cloud Netflix's Eureka server (4.3, Spring Boot 3.5, Jersey 3.1) as Spring Cloud ships it: Eureka's own
 * JAX-RS resources (third-party, from {@code eureka-core}, several reached only through sub-resource locators) on
 * Jersey's {@code ServletContainer} registered as a servlet <em>filter</em> on {@code /eureka/*}, with no filter
 * context path. Jersey matches {@code @Path("{version}/apps")} against the whole path, so what is served is
 * {@code /eureka/apps}.
 *
 * <p>The truth takes two listings the frameworks give: Jersey's own WADL of the filter's application (the app's
 * {@code /truth/jersey-wadl} sends Jersey's handler an in-memory {@code GET application.wadl}: over HTTP Eureka's
 * filter never lets that path through) and the filter's url-patterns as Spring Boot's {@code /actuator/mappings}
 * lists them. A WADL template is served at the filter's prefix followed by the template's remaining segments when
 * Jersey's own {@link UriTemplate} matches that path; the agent's {@code jaxrs} routes must equal that set.
 */
class EurekaServerIT extends AbstractJaxrsAppIT {

    static final String JERSEY_FILTER = "org.glassfish.jersey.servlet.ServletContainer";

    @Override
    String service() {
        return "eureka-server-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("eureka-server");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of();
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--server.port=" + httpPort, "--server.address=127.0.0.1",
                "--management.endpoints.web.exposure.include=mappings,health");
    }

    @Override
    String readinessPath() {
        return "/eureka/apps";
    }

    @Override
    Set<Route> truth() throws IOException {
        Set<Route> wadl = JerseyWadl.parse(body("/truth/jersey-wadl"));
        List<String> prefixes = filterPrefixes();
        Set<Route> served = new LinkedHashSet<>();
        for (Route route : wadl) {
            for (String prefix : prefixes) {
                String path = servedPath(route.template(), prefix);
                if (path != null) {
                    served.add(Route.of(route.method(), path, "jaxrs", route.handler()));
                }
            }
        }
        // Eureka's GET /serverinfo/statusoverrides is in Jersey's model but the filter never passes it: not served
        assertThat(served).as("WADL %s through the filter's prefixes %s", wadl, prefixes).isNotEmpty();
        return served;
    }

    /**
     * @return the path under {@code prefix} at which Jersey's template matches, the template's own later segments
     *         kept; {@code null} when Jersey's matcher says no request under the prefix reaches it
     */
    private static String servedPath(String template, String prefix) {
        String[] fixed = prefix.substring(1).split("/");
        String[] segments = template.substring(1).split("/");
        if (segments.length < fixed.length) {
            return null;
        }
        List<String> path = new ArrayList<>(List.of(fixed));
        path.addAll(List.of(segments).subList(fixed.length, segments.length));
        String candidate = "/" + String.join("/", path);
        // a request for the candidate (each remaining variable given a value) must match Jersey's template
        String request = candidate.replaceAll("\\{[^/}]+}", "value");
        boolean matches = new UriTemplate(template).match(request, new HashMap<>());
        return matches ? PathTemplate.canonical(candidate) : null;
    }

    /** @return the prefixes of the Jersey filter's url-patterns, e.g. {@code /eureka}, from {@code /actuator/mappings} */
    private List<String> filterPrefixes() throws IOException {
        JsonNode contexts = new ObjectMapper().readTree(body("/actuator/mappings")).path("contexts");
        List<String> prefixes = new ArrayList<>();
        contexts.forEach(context -> context.path("mappings").path("servletFilters").forEach(filter -> {
            if (JERSEY_FILTER.equals(filter.path("className").asText())) {
                filter.path("urlPatternMappings").forEach(p -> {
                    assertThat(p.asText()).as("a prefix url-pattern").endsWith("/*");
                    prefixes.add(p.asText().substring(0, p.asText().length() - 2));
                });
            }
        }));
        assertThat(prefixes).as("the Jersey filter in /actuator/mappings").isNotEmpty();
        return prefixes;
    }

    private String body(String path) throws IOException {
        HttpResponse<String> response = TestJvm.get(appUrl(path));
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    String truthName() {
        return "Jersey's WADL through the filter's url-patterns";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET /eureka/apps"),
                Route.parse("PUT /eureka/apps/{appId}/{id}/status"), // ApplicationResource -> InstanceResource
                Route.parse("POST /eureka/peerreplication/batch"));
    }

    /** What the routes say is what is served: Eureka answers the listed path, and 404 one segment off it. */
    @Test
    void theReportedPathIsServed() throws IOException {
        assertThat(TestJvm.get(appUrl("/eureka/apps")).statusCode()).isEqualTo(200);
        assertThat(app().routes("jaxrs")).contains(Route.parse("GET /eureka/apps"))
                .noneMatch(r -> r.template().contains("{version}"));
    }
}
