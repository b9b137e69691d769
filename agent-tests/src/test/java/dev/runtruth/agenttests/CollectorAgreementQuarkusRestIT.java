package dev.runtruth.agenttests;

import java.util.List;

/**
 * Quarkus REST 3.27 in its production layout: {@code runtruth expected} is given the launcher
 * {@code target/quarkus-app/quarkus-run.jar}, as a user would, and reads the application's jar in
 * {@code quarkus-app/app/} with the libraries of {@code quarkus-app/lib/main} ({@code quarkus.http.root-path=/svc}
 * from the app's own {@code application.properties}, {@code @ApplicationPath("/shop")}).
 */
class CollectorAgreementQuarkusRestIT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "quarkus-rest";
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
        return List.of("-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.host=127.0.0.1");
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of();
    }

    @Override
    String readinessPath() {
        return QuarkusRestIT.BASE + "/products";
    }

    @Override
    boolean collectorListsOnlyTheAppsRoutes() {
        return true;
    }
}
