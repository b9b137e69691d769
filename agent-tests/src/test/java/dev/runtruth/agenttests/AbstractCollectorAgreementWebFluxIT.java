package dev.runtruth.agenttests;

import java.util.List;
import java.util.Set;

/**
 * Spring Boot WebFlux, the same app on every Boot line ({@code agent-tests/apps/boot35-webflux},
 * {@code boot41-webflux}, classes in package {@code dev.runtruth.agenttests.<app without '-'>}): an annotated
 * controller (read by the collector as {@code spring-webflux}, told from MVC by the jars in {@code BOOT-INF/lib});
 * functional endpoints and a late {@code registerMapping} are built in code. One subclass per Boot line.
 */
abstract class AbstractCollectorAgreementWebFluxIT extends AbstractCollectorAgreementIT {

    @Override
    String framework() {
        return "spring-webflux";
    }

    @Override
    int minimumRoutes() {
        return 2;
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--server.port=" + httpPort, "--server.address=127.0.0.1");
    }

    @Override
    String readinessPath() {
        return "/late/registered/ready";
    }

    @Override
    Set<String> codeBuiltHandlers() {
        return Set.of(ownPackage() + "WebFluxApplication", ownPackage() + "LateRegistration");
    }

    @Override
    String expectedNote() {
        return "Spring functional endpoints: " + ownPackage() + "WebFluxApplication#functionalRoutes";
    }

    /** @return the app's package with its trailing dot, e.g. {@code dev.runtruth.agenttests.boot35webflux.} */
    private String ownPackage() {
        return appPackage() + app().replace("-", "") + ".";
    }
}
