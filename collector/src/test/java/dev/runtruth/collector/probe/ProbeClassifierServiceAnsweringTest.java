package dev.runtruth.collector.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gateway status is the route's own failure only while the service answers other routes itself. */
class ProbeClassifierServiceAnsweringTest {

    private static ProbeResult result(String route, int status, ProbeOutcome outcome) {
        return new ProbeResult(Route.parse(route), "GET", "/x", status, outcome, "");
    }

    @Test
    void aServiceThatAnswersMakesIts503PresentFailing() {
        List<ProbeResult> results = ProbeClassifier.withServiceAnswering(List.of(
                result("GET /login", 200, ProbeOutcome.PRESENT),
                result("GET /instances/{id}/actuator/**", 503, ProbeOutcome.UNREACHABLE)));
        assertThat(results).extracting(ProbeResult::outcome)
                .containsExactly(ProbeOutcome.PRESENT, ProbeOutcome.PRESENT_FAILING);
        assertThat(results.get(1).evidence()).contains("503 while the service answers other routes");
    }

    @Test
    void onlyGatewayAnswersOrNoAnswerStayUnreachable() {
        List<ProbeResult> results = List.of(
                result("GET /a", 503, ProbeOutcome.UNREACHABLE),
                result("GET /b", 502, ProbeOutcome.UNREACHABLE),
                result("GET /c", -1, ProbeOutcome.UNREACHABLE));
        assertThat(ProbeClassifier.withServiceAnswering(results)).isEqualTo(results);
    }

    @Test
    void aRefusedConnectionStaysUnreachableBesideAnAnswer() {
        List<ProbeResult> results = ProbeClassifier.withServiceAnswering(List.of(
                result("GET /a", 200, ProbeOutcome.PRESENT), result("GET /c", -1, ProbeOutcome.UNREACHABLE)));
        assertThat(results.get(1).outcome()).isEqualTo(ProbeOutcome.UNREACHABLE);
    }
}
