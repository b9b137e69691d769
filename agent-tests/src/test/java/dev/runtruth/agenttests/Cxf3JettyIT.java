package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Apache CXF 3.6 JAX-RS (javax) on CXF's own HTTP transport on Jetty 10.0 (cxf-rt-transports-http-jetty), with a
 * resource whose JAX-RS annotations sit on its interface only.
 */
class Cxf3JettyIT extends AbstractCxfOwnTransportIT {

    @Override
    String service() {
        return "cxf3-jetty-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("cxf3");
    }

    @Override
    String transport() {
        return "jetty";
    }

    @Override
    Set<Route> requiredRoutes() {
        Set<Route> required = new HashSet<>(super.requiredRoutes());
        required.add(Route.parse("DELETE " + API + "/reporting/orders/{id}")); // annotated on the interface
        return required;
    }
}
