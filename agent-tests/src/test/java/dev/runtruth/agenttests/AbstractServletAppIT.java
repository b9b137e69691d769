package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A plain embedded servlet container (no web framework) with servlets registered by every means the container has;
 * the truth is the container's own {@code ServletContext#getServletRegistrations()}, which the app lists at
 * {@code <context path>/_servlets} ({@code RegistrationsServlet} in each app). One subclass per container and JDK;
 * every app runs as {@code java -jar app.jar --port=N}.
 */
abstract class AbstractServletAppIT extends AbstractRouteTruthIT {

    /** @return the servlet context path the app deploys its servlets under; the root context ({@code ""}) by default */
    String contextPath() {
        return "";
    }

    @Override
    String framework() {
        return ServletRegistrations.FRAMEWORK;
    }

    @Override
    List<String> appArgs(int port) {
        return List.of("--port=" + port);
    }

    @Override
    String readinessPath() {
        return contextPath() + "/_servlets";
    }

    @Override
    Set<Route> truth() throws IOException {
        return ServletRegistrations.routes(ServletRegistrations.fromApp(appUrl(readinessPath())));
    }

    @Test
    void handlersAreTheServletClasses() throws IOException {
        assertThat(ServletRegistrations.withHandlers(app().routes(framework())))
                .isEqualTo(ServletRegistrations.withHandlers(truth()));
    }
}
