package dev.runtruth.agenttests;

import java.util.List;

/**
 * grpc-java 1.85.1: the app's own services generated from a .proto, one registered on the builder and one in the
 * fallback registry after start; health and reflection services are the library's.
 */
class CollectorAgreementGrpc185IT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "grpc185";
    }

    @Override
    String framework() {
        return "grpc";
    }

    @Override
    int minimumRoutes() {
        return 5;
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("serve", String.valueOf(httpPort), String.valueOf(TestJvm.freePort()));
    }

    @Override
    String readinessPath() {
        return null;
    }
}
