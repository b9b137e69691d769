package dev.runtruth.agenttests;

import java.util.List;
import java.util.Set;

/**
 * Spring Boot 3.5 WebFlux: an annotated controller (read by the collector as {@code spring-webflux}, told from MVC
 * by the jars in {@code BOOT-INF/lib}); functional endpoints and a late {@code registerMapping} are built in code.
 */
class CollectorAgreementBoot35WebFluxIT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "boot35-webflux";
    }

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
        return Set.of("dev.runtruth.agenttests.boot35webflux.WebFluxApplication",
                "dev.runtruth.agenttests.boot35webflux.LateRegistration");
    }

    @Override
    String expectedNote() {
        return "Spring functional endpoints: dev.runtruth.agenttests.boot35webflux.WebFluxApplication#functionalRoutes";
    }
}
