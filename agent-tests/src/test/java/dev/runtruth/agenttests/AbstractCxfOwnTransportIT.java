package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache CXF JAX-RS on CXF's own HTTP transport (no servlet container): two endpoints created with absolute addresses
 * {@code http://127.0.0.1:<port>/api/shop} and {@code .../api/reporting}, so every route is served below its
 * endpoint's address path. That transport has no service list page: the truth is CXF's own log of each endpoint it
 * publishes ({@code Setting the server's publish address to be <address>}, JUL at INFO) and each address's WADL
 * ({@code <address>?_wadl}). One subclass per CXF line, transport and JDK.
 */
abstract class AbstractCxfOwnTransportIT extends AbstractJaxrsAppIT {

    static final String API = "/api";
    private static final Pattern PUBLISHED = Pattern.compile("publish address to be (http://\\S+)");

    /** @return the app's {@code --transport} value: its own HTTP transport, e.g. {@code jetty} */
    abstract String transport();

    @Override
    List<String> jvmArgs(int httpPort) {
        return List.of();
    }

    @Override
    List<String> appArgs(int httpPort) {
        return List.of("--transport=" + transport(), "--port=" + httpPort);
    }

    @Override
    String readinessPath() {
        return API + "/shop/items/1/notes"; // the locator's first request: CXF resolves its resource class then
    }

    @Override
    Set<Route> truth() throws IOException {
        Set<String> addresses = new LinkedHashSet<>();
        for (String line : app().jvm().stderrLines()) {
            Matcher published = PUBLISHED.matcher(line);
            if (published.find()) {
                addresses.add(published.group(1));
            }
        }
        assertThat(addresses).as("endpoints CXF published\n%s", app().describe()).hasSize(2);
        Set<Route> routes = new LinkedHashSet<>();
        for (String address : addresses) {
            routes.addAll(JerseyWadl.read(appUrl(URI.create(address).getRawPath() + "?_wadl")));
        }
        return routes;
    }

    @Override
    String truthName() {
        return "CXF's published addresses and WADL";
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("GET " + API + "/shop/items/{id}/notes/{n}"), // through the locator
                Route.parse("HEAD " + API + "/shop/status"),
                Route.parse("POST " + API + "/reporting/reports/runs"));
    }
}
