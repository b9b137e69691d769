package dev.runtruth.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                         | /",
        "owners                     | /owners",
        "//api//v1/                 | /api/v1/",
        "/owners/{ownerId}          | /owners/{ownerId}",
        "/owners/{ownerId:\\d+}     | /owners/{ownerId}",
        "/files/{name:[a-z]{2,3}}   | /files/{name}",
        "/users/:id/books/:bookId   | /users/{id}/books/{bookId}",
        "/users/<id>                | /users/{id}",
        "/static/{*path}            | /static/{*path}",
        "/webjars/**                | /webjars/**",
        "/a/*.html                  | /a/*.html",
        "/time:now                  | /time:now",
        "/books{?max,offset}        | /books",
        "/books/{id}{?expand}{#top} | /books/{id}",
        "/list{?q}{&page,size}      | /list",
        "/files{/path:.*}           | /files/{*path}",
        "/docs{/version}/index      | /docs/{*version}/index",
        "{/rest}                    | /{*rest}",
    })
    void canonicalFormOfEverySyntax(String raw, String expected) {
        assertThat(PathTemplate.canonical(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/owners/{id}            | /owners/{ownerId}",
        "/users/:id              | /users/{userId:\\d+}",
        "/static/{*rest}         | /static/{*path}",
    })
    void variableNamesDoNotMatter(String a, String b) {
        assertThat(PathTemplate.matchKey(a)).isEqualTo(PathTemplate.matchKey(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/owners/{id}   | /owners/new",
        "/a             | /a/",
        "/static/{*p}   | /static/{p}",
    })
    void differentShapesDoNotMatch(String a, String b) {
        assertThat(PathTemplate.matchKey(a)).isNotEqualTo(PathTemplate.matchKey(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/ctx  | /api/*  | /owners  | /ctx/api/*/owners",
        "''    | ''      | /owners  | /owners",
        "/ctx/ | /       | /        | /ctx/",
    })
    void joinAppliesPrefixes(String a, String b, String c, String expected) {
        assertThat(PathTemplate.join(a, b, c)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "/**, true", "/*, true", "/static/**, true", "/files/{*path}, true", "/*/items, true", "/api/**/x, true",
        "/orders, false", "/orders/{id}, false", "/, false", "/a*b, false", "/files/{name:.*}, false",
    })
    void catchAll(String template, boolean catchAll) {
        assertThat(PathTemplate.isCatchAll(template)).isEqualTo(catchAll);
    }
}
