package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Jersey 4.0 on one of its own HTTP containers (not a servlet container), started the way Jersey documents it:
 * {@code <Container>Factory.createHttpServer(URI "http://127.0.0.1:port/shop/v1/", ResourceConfig)}. Every route is
 * served below the base URI's path; the truth is Jersey's WADL at {@code <base>/application.wadl}. One subclass per
 * container and JDK.
 */
abstract class AbstractJerseyContainerIT extends AbstractJerseyAppIT {

    static final String BASE = "/shop/v1";

    /** @return the container argument of the app: {@code grizzly}, {@code jdk-http} or {@code jetty-http} */
    abstract String container();

    /** @return where the container serves the application: {@link #BASE}, unless the container ignores it */
    String servedBase() {
        return BASE;
    }

    @Override
    Path appJar() {
        return Artifacts.app("jersey-containers");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of();
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--container=" + container(), "--port=" + httpPort, "--base=" + BASE);
    }

    @Override
    String readinessPath() {
        return servedBase() + "/status";
    }

    @Override
    String jerseyBase() {
        return servedBase();
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET " + servedBase() + "/items/{id}/notes/{n}"), // through a sub-resource locator
                Route.parse("HEAD " + servedBase() + "/status"));
    }
}
