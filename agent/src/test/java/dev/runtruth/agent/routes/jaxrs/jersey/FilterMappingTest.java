package dev.runtruth.agent.routes.jaxrs.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterMappingTest {

    /** contextPath | route | url-patterns (space-separated) | served paths (space-separated, "-" for none) */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Eureka 4.x: filter on /eureka/*, no filter context path, @Path("{version}/apps")
        "''   | /{version}/apps              | /eureka/*      | /eureka/apps",
        "''   | /{version}/apps/{appId}/{id} | /eureka/*      | /eureka/apps/{appId}/{id}",
        "''   | /status                      | /eureka/*      | -",
        "''   | /eureka/status               | /eureka/*      | /eureka/status",
        // Spring Boot's spring.jersey.type=filter: filter context path /api (already in the route), mapping /api/*
        "/ctx | /ctx/api/orders/{id}         | /api/*         | /ctx/api/orders/{id}",
        "/ctx | /ctx/other                   | /api/*         | -",
        "''   | /anything/{x}                | /*             | /anything/{x}",
        "''   | /x.json                      | *.json         | /x.json",
        "''   | /a/{v}                       | /a/b           | /a/b",
        "''   | /a/{v}/c                     | /a/b           | -",
        "''   | /{v}                         | /a/* /b/*      | /a /b",
        "''   | /files/**                    | /static/*      | -",
        "''   | /**                          | /static/*      | /**",
    })
    void narrowsRoutesToWhatTheFilterPasses(String contextPath, String route, String patterns, String served) {
        List<String> expected = served.equals("-") ? Collections.<String>emptyList() : Arrays.asList(served.split(" "));
        assertThat(FilterMapping.served(contextPath, route, Arrays.asList(patterns.split(" "))))
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "/ctx"})
    void noPatternsNoRestriction(String contextPath) {
        assertThat(FilterMapping.served(contextPath, "/ctx/a/{b}", null)).containsExactly("/ctx/a/{b}");
    }
}
