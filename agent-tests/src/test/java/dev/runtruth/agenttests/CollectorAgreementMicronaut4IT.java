package dev.runtruth.agenttests;

import java.util.List;
import java.util.Set;

/**
 * Micronaut 4.10: RFC 6570 templates (query expansions, optional segments, regex), {@code uris}, the HEAD route of
 * every {@code @Get}; {@code PingHandler} serves routes of a {@code RouteBuilder}.
 */
class CollectorAgreementMicronaut4IT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "micronaut4";
    }

    @Override
    String framework() {
        return "micronaut";
    }

    @Override
    int minimumRoutes() {
        return 14;
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--micronaut.server.port=" + httpPort, "--micronaut.server.host=127.0.0.1");
    }

    @Override
    String readinessPath() {
        return "/health";
    }

    @Override
    Set<String> codeBuiltHandlers() {
        return Set.of("dev.runtruth.agenttests.micronaut.PingHandler");
    }

    @Override
    String expectedNote() {
        return "Micronaut RouteBuilder: dev.runtruth.agenttests.micronaut.LateRoutes";
    }
}
