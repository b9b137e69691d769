package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RESTEasy 6.2 (jakarta) on Undertow, deployment context path {@code /ctx}, servlet mapping {@code /shop/*} from
 * {@code @ApplicationPath}: regex templates, explicit HEAD/OPTIONS, nested sub-resource locators. The truth is the
 * app's own debug endpoint, which lists RESTEasy's {@code ResourceMethodRegistry} prefixed with RESTEasy's base URI
 * (one {@code METHOD /path} per line).
 */
class Resteasy6IT extends AbstractJaxrsAppIT {

    static final String BASE = "/ctx/shop";

    @Override
    String service() {
        return "resteasy6-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("resteasy6");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of("-Dhttp.port=" + httpPort);
    }

    @Override
    String readinessPath() {
        return BASE + "/products";
    }

    @Override
    Set<Route> truth() throws IOException {
        String url = appUrl(BASE + "/debug/registry");
        HttpResponse<String> response = TestJvm.get(url);
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        Set<Route> routes = new LinkedHashSet<>();
        response.body().lines().filter(line -> !line.isBlank()).forEach(line -> routes.add(Route.parse(line)));
        return routes;
    }

    @Override
    String truthName() {
        return "RESTEasy registry (/debug/registry)";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("HEAD " + BASE + "/products/{sku}"),
                Route.parse("OPTIONS " + BASE + "/products"),
                Route.parse("PUT " + BASE + "/products/{sku}/reviews/{reviewId}/votes"));
    }
}
