package dev.runtruth.collector.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching rules of docs/path-templates.md, one row each. */
class RouteMatcherTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // variable names and regex constraints do not count
        "GET /owners/{ownerId}       | GET /owners/{id}            | true",
        "GET /files/{name:.+}        | GET /files/{file}           | true",
        "GET /users/:id              | GET /users/{id}             | true",
        // * as a method answers every method; a method never answers *
        "* /orders/{id}/notes        | GET /orders/{id}/notes      | true",
        "* /orders/{id}/notes        | * /orders/{id}/notes        | true",
        "GET /orders/{id}/notes      | * /orders/{id}/notes        | false",
        "POST /orders                | GET /orders                 | false",
        // a * segment (unresolved placeholder, server variable) matches any one segment, on either side
        "GET /*/items                | GET /api/items              | true",
        "GET /api/items              | GET /*/items                | true",
        "GET /*/items                | GET /api/v1/items           | false",
        "GET /*/items                | GET /api/{id}               | false",
        // ** and {*rest} only match themselves
        "GET /static/**              | GET /static/app.js          | false",
        "GET /files/{*path}          | GET /files/{*rest}          | true",
        "GET /files/{*path}          | GET /files/{name}           | false",
        // a trailing slash is a different route
        "GET /a/                     | GET /a                      | false",
    })
    void covers(String coverer, String covered, boolean expected) {
        Route a = Route.parse(coverer);
        Route b = Route.parse(covered);

        assertThat(RouteMatcher.covers(a, b)).isEqualTo(expected);
        assertThat(new RouteMatcher(Arrays.asList(a)).covers(b)).isEqualTo(expected);
    }
}
