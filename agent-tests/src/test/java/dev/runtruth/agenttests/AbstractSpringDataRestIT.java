package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.util.List;
import java.util.Set;

/**
 * A Spring Data REST app (apps/sdr35, also compiled by apps/sdr41): JPA repositories on H2 exported under
 * {@code spring.data.rest.base-path=/api}, one with a custom path and a search method. Spring Data REST's routes come
 * from its own handler mapping, a {@code DelegatingHandlerMapping} over two {@code RequestMappingHandlerMapping}s that
 * are not beans; actuator lists them as generic templates ({@code /api/{repository}/{id}}). One subclass per Boot line.
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
}
