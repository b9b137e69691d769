package dev.runtruth.agenttests;

import java.util.List;

/**
 * RESTEasy 6.2 on Undertow: {@code @ApplicationPath("/shop")}, locators three levels deep; the deployment context
 * {@code /ctx} is set in code.
 */
class CollectorAgreementResteasy6IT extends AbstractCollectorAgreementIT {

    @Override
    String app() {
        return "resteasy6";
    }

    @Override
    String framework() {
        return "jaxrs";
    }

    @Override
    int minimumRoutes() {
        return 12;
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Dhttp.port=" + httpPort);
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of();
    }

    @Override
    String readinessPath() {
        return "/ctx/shop/products";
    }

    @Override
    String deploymentPrefix() {
        return "/ctx";
    }
}
