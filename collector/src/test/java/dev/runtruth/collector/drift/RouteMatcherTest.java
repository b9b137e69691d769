package dev.runtruth.collector.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matching rules of docs/path-templates.md, one row each: does a SERVED route serve an EXPECTED one (check's
 * MISSING), does a DECLARED route declare a served one (check's UNEXPECTED), does one expected input's route declare
 * another input's (BETWEEN)?
 */
class RouteMatcherTest {

    @ParameterizedTest(name = "{0} {1} covers {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        // variable names and regex constraints do not count
        "SERVED   | GET /owners/{ownerId}       | GET /owners/{id}            | true",
        "SERVED   | GET /files/{name:.+}        | GET /files/{file}           | true",
        "SERVED   | GET /users/:id              | GET /users/{id}             | true",
        "DECLARED | GET /owners/{id}            | GET /owners/{ownerId}       | true",
        // * as a method answers every method; a method never answers *
        "SERVED   | * /orders/{id}/notes        | GET /orders/{id}/notes      | true",
        "SERVED   | * /orders/{id}/notes        | * /orders/{id}/notes        | true",
        "SERVED   | GET /orders/{id}/notes      | * /orders/{id}/notes        | false",
        "DECLARED | * /orders/{id}/notes        | GET /orders/{id}/notes      | true",
        "SERVED   | POST /orders                | GET /orders                 | false",
        // an expected * segment (unresolved placeholder, server variable) matches any one served segment
        "SERVED   | GET /api/items              | GET /*/items                | true",
        "DECLARED | GET /*/items                | GET /api/items              | true",
        "SERVED   | GET /api/v1/items           | GET /*/items                | false",
        "DECLARED | GET /*/items                | GET /api/{id}               | false",
        // a served catch-all never proves a concrete expected route
        "SERVED   | GET /*/items                | GET /api/items              | false",
        "SERVED   | GET /*                      | GET /doesnotexist           | false",
        "SERVED   | * /*                        | PATCH /nothing              | false",
        "SERVED   | * /**                       | DELETE /orders              | false",
        "SERVED   | * /**                       | POST /admin/users           | false",
        "SERVED   | GET /static/**              | GET /static/app.js          | false",
        "SERVED   | GET /files/{*path}          | GET /files/{name}           | false",
        "SERVED   | * /**                       | GET /**                     | true",
        "SERVED   | GET /*                      | GET /*                      | true",
        // between expected inputs a * segment matches on either side
        "BETWEEN  | GET /*/items                | GET /api/items              | true",
        "BETWEEN  | GET /api/items              | GET /*/items                | true",
        // ** and {*rest} only match themselves
        "SERVED   | GET /files/{*path}          | GET /files/{*rest}          | true",
        // a trailing slash is a different route
        "SERVED   | GET /a/                     | GET /a                      | false",
    })
    void covers(String side, String coverer, String covered, boolean expected) {
        List<Route> routes = List.of(Route.parse(coverer));
        RouteMatcher matcher = switch (side) {
            case "SERVED" -> RouteMatcher.served(routes);
            case "DECLARED" -> RouteMatcher.declared(routes);
            default -> RouteMatcher.betweenDeclared(routes);
        };

        assertThat(matcher.covers(Route.parse(covered))).isEqualTo(expected);
    }
}
