package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Dropwizard 4.0 (Jersey 3.0, jakarta, Jetty 11) under application context path {@code /app} and Jersey URL pattern
 * {@code /api/*}: regex templates, explicit HEAD/OPTIONS, nested sub-resource locators, a programmatic resource,
 * checked against Jersey's WADL.
 */
class Dropwizard4IT extends AbstractJerseyAppIT {

    static final String BASE = "/app/api";

    @Override
    String service() {
        return "dropwizard4-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("dropwizard4");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Ddw.server.applicationConnectors[0].port=" + httpPort,
                "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.adminConnectors[0].port=" + TestJvm.freePort(),
                "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.applicationContextPath=/app");
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("server");
    }

    @Override
    String readinessPath() {
        return BASE + "/things";
    }

    @Override
    String jerseyBase() {
        return BASE;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("HEAD " + BASE + "/things/{id}"),
                Route.parse("OPTIONS " + BASE + "/things/search"),
                Route.parse("DELETE " + BASE + "/things/{id}/parts/{partId}/notes/{noteId}"),
                Route.parse("GET " + BASE + "/programmatic/{name}"));
    }
}
