package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Servlet routes of a Spring Boot 3.5 MVC app (embedded Tomcat 10.1) with context path {@code /ctx}, the dispatcher
 * servlet at {@code /mvc/*} and Tomcat's default servlet registered ({@code server.servlet.register-default-servlet})
 * so it keeps {@code /}. Truth: the {@code servlets} of {@code /actuator/mappings} (Spring Boot's listing of
 * {@code getServletRegistrations()}) without the {@code DispatcherServlet}, whose routes the {@code spring-webmvc}
 * capture reports (docs/agent.md, "Servlet API").
 */
class ServletInSpringBootIT extends AbstractRouteTruthIT {

    static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";
    static final String CONTEXT_PATH = "/ctx";
    static final String PREFIX = CONTEXT_PATH + "/mvc";

    @Override
    String service() {
        return "servlet-boot35-admin-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("boot35-admin");
    }

    @Override
    String framework() {
        return ServletRegistrations.FRAMEWORK;
    }

    @Override
    List<String> appArgs(int port) {
        return List.of("--server.port=" + port, "--server.servlet.context-path=" + CONTEXT_PATH,
                "--spring.mvc.servlet.path=/mvc", "--server.servlet.register-default-servlet=true");
    }

    // answers only once the ApplicationReadyEvent listener registered it
    @Override
    String readinessPath() {
        return PREFIX + "/late/registered/ready";
    }

    @Override
    Set<Route> truth() throws IOException {
        return ServletRegistrations.routes(mappings().stream()
                .filter(m -> !m.className().equals(DISPATCHER))
                .toList());
    }

    @Override
    int minimumRoutes() {
        return 0;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(Route.parse("* " + CONTEXT_PATH + "/**"));
    }

    @Test
    void theDispatcherServletIsNotAServletRouteWhileSpringRoutesAreReported() throws IOException {
        assertThat(mappings()).as("actuator lists the dispatcher servlet")
                .anyMatch(m -> m.className().equals(DISPATCHER) && m.urlPattern().equals("/mvc/*"));
        Set<Route> agent = AgentScrape.scrape(metricsUrl()).routes();
        assertThat(agent.stream().filter(r -> r.framework().equals("spring-webmvc")).collect(Collectors.toSet()))
                .as("spring-webmvc routes").isNotEmpty();
        assertThat(agent).as("routes of the dispatcher servlet as a servlet")
                .noneMatch(r -> r.framework().equals(framework()) && r.handler().equals(DISPATCHER));
    }

    private List<ServletRegistrations.Mapping> mappings() throws IOException {
        return ServletRegistrations.fromActuator(appUrl(PREFIX + "/actuator/mappings"), CONTEXT_PATH);
    }
}
