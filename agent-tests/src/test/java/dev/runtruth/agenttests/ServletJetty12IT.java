package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/** Embedded Jetty 12 ee10 at the root context: {@code ServletHolder}s (Jetty's {@code DefaultServlet}, Prometheus, H2 console) and {@code ServletContext#addServlet} from a listener; Jetty's {@code Default404Servlet} on {@code /} is not a route. */
class ServletJetty12IT extends AbstractServletAppIT {

    @Override
    String service() {
        return "servlet-jetty12-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-jetty12");
    }

    @Override
    int minimumRoutes() {
        return 5;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("* /static/**"),
                Route.parse("* /metrics"),
                Route.parse("* /h2/**"),
                Route.parse("* /**/*.json"),
                Route.parse("* /api/v1/**"),
                Route.parse("* /hello"));
    }
}
