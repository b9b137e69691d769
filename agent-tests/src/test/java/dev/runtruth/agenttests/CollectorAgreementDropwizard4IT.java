package dev.runtruth.agenttests;

import java.util.List;
import java.util.Set;

/**
 * Dropwizard 4 (Jersey 3): root resources, a regex class path, sub-resource locators two levels deep; the Jersey
 * servlet's URL pattern {@code /api/*} is set in code; {@code Greeting} handles a {@code Resource.builder}
 * resource.
 */
class CollectorAgreementDropwizard4IT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "dropwizard4";
    }

    @Override
    String framework() {
        return "jaxrs";
    }

    @Override
    int minimumRoutes() {
        return 15;
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Ddw.server.applicationConnectors[0].port=" + httpPort,
                "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.adminConnectors[0].port=" + TestJvm.freePort(),
                "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1");
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("server");
    }

    @Override
    String readinessPath() {
        return "/api/things";
    }

    @Override
    boolean collectorListsOnlyTheAppsRoutes() {
        return true; // the shaded jar bundles Jersey's WadlResource and a profiler's resources: not the app's
    }

    @Override
    String deploymentPrefix() {
        return "/api";
    }

    @Override
    Set<String> codeBuiltHandlers() {
        return Set.of("dev.runtruth.agenttests.dropwizard4.Greeting");
    }
}
