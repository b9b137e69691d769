package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.MetricNames;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Spring Data REST app (apps/sdr35, also compiled by apps/sdr41): JPA repositories on H2 exported under
 * {@code spring.data.rest.base-path=/api}, one with a custom path and a search method. Spring Data REST's routes come
 * from its own handler mapping, a {@code DelegatingHandlerMapping} over two {@code RequestMappingHandlerMapping}s that
 * are not beans; actuator lists them as generic templates ({@code /api/{repository}/{id}}). Besides the routes, the
 * agent's coverage must say {@code captured} for Spring Data REST and Spring MVC, with the versions of their nested
 * jars. One subclass per Boot line.
 */
abstract class AbstractSpringDataRestIT extends AbstractSpringAppIT {

    @Override
    String readinessPath() {
        return "/actuator/health";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /api/{repository}"),
                Route.parse("POST /api/{repository}"),
                Route.parse("GET /api/{repository}/{id}"),
                Route.parse("GET /api/{repository}/search/{search}"),
                Route.parse("GET /api/profile"));
    }

    @Override
    List<String> requiredLoadedJars() {
        return List.of("spring-webmvc-", "spring-core-", "tomcat-embed-core-", "spring-data-rest-webmvc-");
    }

    @Test
    void springDataRestAndSpringMvcReadCapturedWithTheJarsVersions() throws IOException {
        Map<String, String> jarVersions = FatJar.nestedJarDigests(appJar()).keySet().stream()
                .filter(jar -> jar.startsWith("spring-data-rest-webmvc-") || jar.startsWith("spring-webmvc-"))
                .collect(Collectors.toMap(
                        jar -> jar.startsWith("spring-webmvc-") ? "spring-webmvc" : "spring-data-rest",
                        jar -> jar.substring(jar.lastIndexOf('-') + 1, jar.length() - ".jar".length())));
        assertThat(jarVersions).as("nested jars of %s", appJar()).hasSize(2);

        AgentScrape metrics = app().scrape();
        Map<String, Map<String, String>> coverage = metrics.series(MetricNames.FRAMEWORK_INFO).stream()
                .collect(Collectors.toMap(s -> s.labels().get(MetricNames.FRAMEWORK), AgentScrape.Sample::labels));
        jarVersions.forEach((framework, version) -> assertThat(coverage.get(framework))
                .as("%s{framework=\"%s\"}\n%s", MetricNames.FRAMEWORK_INFO, framework, metrics.text())
                .containsEntry(MetricNames.STATE, "captured").containsEntry(MetricNames.VERSION, version));
    }
}
