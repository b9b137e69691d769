package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

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
        Path classes = temp.resolve("classes");
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
}
