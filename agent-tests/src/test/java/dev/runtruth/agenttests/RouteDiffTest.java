package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
