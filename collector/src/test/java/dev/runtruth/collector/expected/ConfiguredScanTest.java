package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.testing.Fixtures;
import dev.runtruth.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan reads the build output's own application.properties/yml: placeholders, profiles, context path. */
class ConfiguredScanTest {

    @TempDir
    Path temp;

    private Path classesWithConfig(String file, String text) throws Exception {
        String name = Fixtures.PLACEHOLDER_PACKAGE.replace('.', '/') + "/PlaceholderController.class";
        Path classes = Files.createTempDirectory(temp, "classes");
        Files.createDirectories(classes.resolve(name).getParent());
        Files.copy(Fixtures.testClasses().resolve(name), classes.resolve(name));
        Files.writeString(classes.resolve(file), text);
        return classes;
    }

    @Test
    void placeholdersAndContextPathComeFromTheBuildsApplicationYaml() throws Exception {
        Path classes = classesWithConfig("application.yml", """
                server:
                  servlet:
                    context-path: /shop
                app:
                  items-path: tenants
                ---
                spring.config.activate.on-profile: eu
                app.base: /eu
                """);

        ExpectedRoutes plain = new BytecodeRouteScanner().scan(classes);
        ExpectedRoutes eu = new BytecodeRouteScanner(List.of("eu")).scan(classes);

        assertThat(plain.routes()).extracting(Route::toString).containsExactly("GET /shop/hello",
                "GET /shop/tenants/items");
        assertThat(plain.warnings()).isEmpty();
        assertThat(eu.routes()).extracting(Route::toString).containsExactly("GET /shop/eu/hello",
                "GET /shop/eu/tenants/items");
    }

    @Test
    void servletPathOfAPropertiesFileAndAnUnsetPlaceholder() throws Exception {
        Path classes = classesWithConfig("application.properties", "spring.mvc.servlet.path=/api\n");

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(classes);

        assertThat(routes.routes()).extracting(Route::toString).containsExactly("GET /api/*/items",
                "GET /api/hello");
        assertThat(routes.warnings()).singleElement().asString().contains("${app.items-path} not set");
    }

    @Test
    void theServicePathsComeFromTheBuildsConfiguration() throws Exception {
        Path rest = classesWithConfig("application.properties", """
                server.servlet.context-path=/petclinic/
                server.error.path=/oops
                """);
        assertThat(new BytecodeRouteScanner().scan(rest).paths())
                .isEqualTo(new ServicePaths("/petclinic", "/petclinic/oops", "/petclinic/actuator"));

        Path jhipster = classesWithConfig("application.yml", """
                management:
                  endpoints:
                    web:
                      base-path: /management
                """);
        assertThat(new BytecodeRouteScanner().scan(jhipster).paths())
                .isEqualTo(new ServicePaths("", "/error", "/management"));
    }

    @Test
    void aSeparateManagementPortDropsTheApplicationsPrefix() throws Exception {
        Path classes = classesWithConfig("application.properties", """
                server.servlet.context-path=/app
                management.server.port=9001
                management.server.base-path=/ops
                """);
        assertThat(new BytecodeRouteScanner().scan(classes).paths())
                .isEqualTo(new ServicePaths("/app", "/app/error", "/ops/actuator"));
        assertThat(new BytecodeRouteScanner().scan(Fixtures.fixtureClasses()).paths())
                .isEqualTo(ServicePaths.DEFAULT);
    }
}
