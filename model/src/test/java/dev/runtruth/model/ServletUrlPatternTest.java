package dev.runtruth.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServletUrlPatternTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/metrics          | /metrics",
        "/h2/*             | /h2/**",
        "/api/v1/*         | /api/v1/**",
        "*.do              | /**/*.do",
        "*.jsp             | /**/*.jsp",
        "/                 | /**",
        "/*                | /**",
        "''                | /",
        "legacy            | /legacy",
        "/a/b/             | /a/b/",
    })
    void everyKindOfUrlPattern(String urlPattern, String template) {
        assertThat(ServletUrlPattern.toTemplate(urlPattern)).isEqualTo(template);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''     | /        | /**",
        "''     | ''       | /",
        "/shop  | /        | /shop/**",
        "/shop  | ''       | /shop/",
        "/shop  | /h2/*    | /shop/h2/**",
        "/shop  | *.do     | /shop/**/*.do",
        "/shop  | /metrics | /shop/metrics",
    })
    void contextPathComesFirst(String contextPath, String urlPattern, String template) {
        assertThat(ServletUrlPattern.toTemplate(contextPath, urlPattern)).isEqualTo(template);
    }

    @org.junit.jupiter.api.Test
    void templatesAreAlreadyCanonical() {
        for (String p : new String[] {"/x", "/x/*", "*.do", "/", "", "/*"}) {
            String template = ServletUrlPattern.toTemplate(p);
            assertThat(PathTemplate.canonical(template)).isEqualTo(template);
        }
    }
}
