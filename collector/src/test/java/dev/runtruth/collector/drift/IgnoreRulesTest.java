package dev.runtruth.collector.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.Route;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glob semantics of ignore rules and the default list. */
class IgnoreRulesTest {

    @ParameterizedTest(name = "{0} ignores {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "/error|GET /error|true",
        "/error/**|GET /error|true",
        "/error/**|* /error/deep/er|true",
        "/error/**|GET /errors|false",
        "/actuator/*|GET /actuator/health|true",
        "/actuator/*|GET /actuator/health/liveness|false",
        "/actuator/**|GET /actuator/health/liveness|true",
        "/**|GET /anything/at/all|true",
        "/\\*\\*|* /**|true",
        "/\\*\\*|GET /owners|false",
        "/\\*\\*|GET /static/**|false",
        "/|GET /|true",
        "/|GET /owners|false",
        "/owners/*|GET /owners/{id}|true",
        "/owners/{x}|GET /owners/{ownerId}|true",
        "/owners/{x}|GET /owners/literal|false",
        "/files/*.json|GET /files/a.json|true",
        "/files/*.json|GET /files/a.xml|false",
        "/a/**/z|GET /a/b/c/z|true",
        "/a/**/z|GET /a/z|true",
        "POST /hooks/*|POST /hooks/github|true",
        "post /hooks/*|POST /hooks/github|true",
        "POST /hooks/*|GET /hooks/github|false",
        "/trailing/|GET /trailing|false",
        "/trailing/**|GET /trailing/|true",
    })
    void matches(String rule, String route, boolean ignored) {
        assertThat(IgnoreRules.of(List.of(rule)).ignores(Route.parse(route))).isEqualTo(ignored);
    }

    @Test
    void defaultsCoverSpringBootsOwnRoutesButNotTheApplications() {
        IgnoreRules defaults = IgnoreRules.defaults();

        assertThat(List.of("GET /error", "* /error", "GET /actuator", "GET /actuator/health",
                "GET /actuator/health/{*path}", "GET /webjars/**", "* /**", "GET /"))
                .allMatch(r -> defaults.ignores(Route.parse(r)), "ignored");
        assertThat(List.of("GET /owners", "GET /static/**", "GET /api/error", "GET /errors"))
                .noneMatch(r -> defaults.ignores(Route.parse(r)));
    }

    @Test
    void defaultsFollowTheContextPathAndTheManagementBasePath() {
        // spring-petclinic-rest: server.servlet.context-path=/petclinic
        IgnoreRules petclinic = IgnoreRules.defaults(new ServicePaths("/petclinic", "/petclinic/error",
                "/petclinic/actuator"));
        assertThat(List.of("GET /petclinic/actuator/health", "* /petclinic/error", "GET /petclinic/webjars/**",
                "* /petclinic/**", "GET /petclinic"))
                .allMatch(r -> petclinic.ignores(Route.parse(r)), "ignored");
        assertThat(List.of("GET /petclinic/api/owners", "GET /actuator/health", "GET /error"))
                .noneMatch(r -> petclinic.ignores(Route.parse(r)));

        // jhipster: management.endpoints.web.base-path=/management
        IgnoreRules jhipster = IgnoreRules.defaults(new ServicePaths("", "/error", "/management"));
        assertThat(jhipster.ignores(Route.parse("GET /management/info"))).isTrue();
        assertThat(jhipster.ignores(Route.parse("GET /management"))).isTrue();
        assertThat(jhipster.ignores(Route.parse("GET /actuator/info"))).isFalse();
        assertThat(jhipster.ignores(Route.parse("GET /api/users"))).isFalse();

        // management.endpoints.web.base-path=/: one rule per endpoint id, never /** (that would ignore everything)
        IgnoreRules atRoot = IgnoreRules.defaults(new ServicePaths("", "/error", "/"));
        assertThat(atRoot.ignores(Route.parse("GET /health"))).isTrue();
        assertThat(atRoot.ignores(Route.parse("GET /loggers/{name}"))).isTrue();
        assertThat(atRoot.ignores(Route.parse("GET /owners/{id}"))).isFalse();

        assertThat(IgnoreRules.defaults(ServicePaths.DEFAULT).rules()).isEqualTo(IgnoreRules.DEFAULT_RULES);
        assertThat(IgnoreRules.defaults(ServicePaths.DEFAULT.under("/shop/")).ignores(
                Route.parse("GET /shop/actuator/health"))).isTrue();
    }

    @Test
    void defaultRulesAreAllListedInTheHelpText() {
        assertThat(IgnoreRules.DEFAULT_RULES).allMatch(IgnoreRules.DEFAULT_RULES_HELP::contains);
    }

    @Test
    void plusAddsToTheDefaults() {
        IgnoreRules rules = IgnoreRules.defaults().plus(List.of("/internal/**"));

        assertThat(rules.rules()).endsWith("/internal/**").startsWith("/error");
        assertThat(rules.ignores(Route.parse("GET /internal/x"))).isTrue();
        assertThat(IgnoreRules.none().ignores(Route.parse("GET /error"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "internal/**|ignore rule 'internal/**': expected [METHOD ]/glob, e.g. /internal/**",
        "GET|ignore rule 'GET': expected [METHOD ]/glob, e.g. /internal/**",
        "G-T /x|ignore rule 'G-T /x': 'G-T' is not an HTTP method",
    })
    void rejectsRulesThatAreNotGlobs(String rule, String message) {
        assertThatThrownBy(() -> IgnoreRules.of(List.of(rule))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
