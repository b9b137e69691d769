package dev.runtruth.agenttests;

import java.util.List;

/**
 * Apache CXF 3.6 JAX-RS (javax) on its servlet transport (Tomcat 9): one endpoint at {@code /api} with every resource
 * (sub-resource locator, explicit HEAD, and {@code OrdersService}, whose JAX-RS annotations, class-level {@code @Path}
 * included, sit on its interface only, as CXF's samples write them). The CXF servlet mapping and the endpoint address
 * are set in code ({@code /ctx/services/*}, {@code /api}): the deployment prefix.
 */
class CollectorAgreementCxf3IT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "cxf3";
    }

    @Override
    String framework() {
        return "jaxrs";
    }

    @Override
    int minimumRoutes() {
        return 16;
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--transport=servlet", "--one-endpoint", "--port=" + httpPort);
    }

    @Override
    String readinessPath() {
        // the locator's first request: CXF resolves its resource class then (and lists it from then on)
        return deploymentPrefix() + "/items/1/notes";
    }

    @Override
    String deploymentPrefix() {
        return "/ctx/services/api";
    }
}
