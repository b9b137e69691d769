package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteDiffTest {

    @Test
    void equalSetsDifferOnlyInVariableNames() {
        assertThat(RouteDiff.describe("a", Set.of(Route.parse("GET /o/{id}")), "b", Set.of(Route.parse("GET /o/{x}"))))
                .isEmpty();
    }

    @Test
    void namesMissingAndExtraRoutes() {
        String diff = RouteDiff.describe("actuator", Set.of(Route.parse("GET /a"), Route.parse("* /b")),
                "agent", Set.of(Route.parse("GET /a"), Route.parse("POST /c")));

        assertThat(diff).contains("in actuator but not in agent (1):\n  * /b")
                .contains("in agent but not in actuator (1):\n  POST /c");
    }

    @ParameterizedTest
    @CsvSource({
            "/error, true", "/error/500, true", "/actuator, true", "/actuator/health/**, true",
            "/webjars/**, true", "/**, true", "/errors, false", "/api/v1/orders, false", "/actuatorx, false"})
    void collectorDefaultIgnores(String template, boolean ignored) {
        assertThat(CollectorAgreementIT.ignoredByDefault(template)).isEqualTo(ignored);
    }
}
