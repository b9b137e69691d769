package dev.runtruth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void methodIsUpperCaseAndBlankMeansAny() {
        assertThat(Route.of("get", "/a", "", "").method()).isEqualTo("GET");
        assertThat(Route.of(null, "/a", "", "").method()).isEqualTo(Route.ANY_METHOD);
        assertThat(Route.of(" ", "/a", "", "").method()).isEqualTo(Route.ANY_METHOD);
    }

    @Test
    void identityIsMethodAndTemplateShapeOnly() {
        Route fromAgent = Route.of("GET", "/owners/{ownerId}", "spring-webmvc", "OwnerController#show");
        Route fromRepo = Route.of("GET", "/owners/{id}", "", "OwnerController#show()");
        assertThat(fromAgent).isEqualTo(fromRepo).hasSameHashCodeAs(fromRepo);
        assertThat(fromAgent).isNotEqualTo(Route.of("POST", "/owners/{ownerId}", "", ""));
    }

    @Test
    void textFormRoundTrips() {
        Route route = Route.of("delete", "owners/{id}", "", "");
        assertThat(route).hasToString("DELETE /owners/{id}");
        assertThat(Route.parse(route.toString())).isEqualTo(route);
    }

    @Test
    void parseRejectsTextWithoutMethodAndPath() {
        assertThatThrownBy(() -> Route.parse("/owners"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/owners'");
    }
}
