package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache CXF 4.2 JAX-RS (jakarta) on its servlet transport: CXF's servlet at {@code /services/*} in context
 * {@code /ctx} on embedded Tomcat 10.1, two endpoints with their own addresses ({@code /shop}, {@code /reporting}),
 * a sub-resource locator. The truth is CXF's own listing: its service list page ({@code /ctx/services/}) names each
 * endpoint's WADL ({@code <address>?_wadl}, cxf-rt-rs-service-description), and every WADL method is a route.
 *
 * <p>CXF resolves a locator's resource class at its first request, and both its WADL and its model list the
 * sub-resource only from then on: readiness requests the locator path first.
 */
class Cxf4IT extends AbstractJaxrsAppIT {

    static final String SERVICES = "/ctx/services";
    private static final Pattern WADL_LINK = Pattern.compile("href=\"([^\"]+\\?_wadl)\"");

    @Override
    String service() {
        return "cxf4-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("cxf4");
    }

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of();
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--port=" + httpPort);
    }

    @Override
    String readinessPath() {
        return SERVICES + "/shop/items/1/notes";
    }

    @Override
    Set<Route> truth() throws IOException {
        HttpResponse<String> page = TestJvm.get(appUrl(SERVICES + "/"));
        assertThat(page.statusCode()).as("CXF's service list page").isEqualTo(200);
        List<String> wadls = new ArrayList<>();
        Matcher links = WADL_LINK.matcher(page.body());
        while (links.find()) {
            wadls.add(links.group(1));
        }
        assertThat(wadls).as("endpoints on the service list page: %s", page.body()).hasSize(2);
        Set<Route> routes = new LinkedHashSet<>();
        for (String wadl : wadls) {
            // the link names the host of the request; ask the app on its loopback port
            String path = java.net.URI.create(wadl).getRawPath();
            routes.addAll(JerseyWadl.read(appUrl(path + "?_wadl")));
        }
        return routes;
    }

    @Override
    String truthName() {
        return "CXF's service list and WADL";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET " + SERVICES + "/shop/items/{id}/notes/{n}"), // through the locator
                Route.parse("HEAD " + SERVICES + "/shop/status"),
                Route.parse("POST " + SERVICES + "/reporting/reports/runs"));
    }
}
