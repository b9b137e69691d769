package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Apache CXF 3.6 JAX-RS (javax) on its servlet transport: the {@link Cxf4IT} scenario (CXF's servlet at
 * {@code /services/*} in context {@code /ctx}, two endpoints, a sub-resource locator) on embedded Tomcat 9, plus a
 * resource whose JAX-RS annotations, class-level {@code @Path} included, sit on an interface only. The truth is CXF's
 * service list page and each endpoint's WADL.
 */
class Cxf3IT extends Cxf4IT {

    @Override
    String service() {
        return "cxf3-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("cxf3");
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--transport=servlet", "--port=" + httpPort);
    }

    @Override
    Set<Route> requiredRoutes() {
        Set<Route> required = new HashSet<>(super.requiredRoutes());
        required.add(Route.parse("DELETE " + SERVICES + "/reporting/orders/{id}")); // annotated on the interface
        return required;
    }
}
