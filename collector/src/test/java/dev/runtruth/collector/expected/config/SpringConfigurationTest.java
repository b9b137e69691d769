package dev.runtruth.collector.expected.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spring Boot's config file precedence and profile activation, as documented for Boot 2.4+. */
class SpringConfigurationTest {

    private final Map<String, byte[]> files = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private void file(String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private SpringConfiguration read(String... profiles) {
        return SpringConfiguration.read(files::get, "app.jar", List.of(profiles), warnings::add);
    }

    @Test
    void propertiesWinOverYamlAndConfigDirWinsOverRoot() {
        file("BOOT-INF/classes/application.yml", "server:\n  servlet:\n    context-path: /yaml\na: yaml\nb: yaml\n");
        file("BOOT-INF/classes/application.properties", "a=properties\n");
        file("BOOT-INF/classes/config/application.properties", "b=config\n");

        SpringConfiguration config = read();

        assertThat(config.property("a")).isEqualTo("properties");
        assertThat(config.property("b")).isEqualTo("config");
        assertThat(config.property(SpringConfiguration.CONTEXT_PATH)).isEqualTo("/yaml");
        assertThat(config.profiles()).containsExactly("default");
        assertThat(warnings).isEmpty();
    }

    @Test
    void profilesFromTheCommandLineOrSpringProfilesActiveOverrideAndYamlDocumentsApplyPerProfile() {
        file("application.yml", """
                spring.profiles.active: dev
                server.servlet.context-path: /base
                ---
                spring.config.activate.on-profile: prod
                server.servlet.context-path: /prod
                ---
                spring:
                  profiles: "!prod"
                spring.mvc.servlet.path: /notprod
                """);
        file("application-dev.properties", "server.servlet.context-path=/dev\n");

        assertThat(read().profiles()).containsExactly("dev");
        assertThat(read().property(SpringConfiguration.CONTEXT_PATH)).isEqualTo("/dev");
        assertThat(read("prod").property(SpringConfiguration.CONTEXT_PATH)).isEqualTo("/prod");
        assertThat(read("prod").property(SpringConfiguration.SERVLET_PATH)).isNull();
        assertThat(read("qa").property(SpringConfiguration.CONTEXT_PATH)).isEqualTo("/base");
        assertThat(read("qa").property(SpringConfiguration.SERVLET_PATH)).isEqualTo("/notprod");
    }

    @Test
    void prefixesPerFramework() {
        file("application.properties", """
                server.servlet.context-path=/shop
                spring.mvc.servlet.path=/api/*
                spring.webflux.base-path=/reactive
                spring.jersey.application-path=/jersey
                """);
        SpringConfiguration config = read();

        assertThat(config.withPrefixes(Route.of("GET", "/orders/{id}", "spring-webmvc", "a.B#m")).template())
                .isEqualTo("/shop/api/orders/{id}");
        assertThat(config.withPrefixes(Route.of("GET", "/orders", "spring-webflux", "")).template())
                .isEqualTo("/reactive/orders");
        assertThat(config.withPrefixes(Route.of("GET", "/orders", "jaxrs", "")).template()).isEqualTo("/shop/orders");
        assertThat(config.jerseyApplicationPath()).isEqualTo("/jersey");
        assertThat(config.withPrefixes(Route.of("GET", "/orders", "micronaut", "")).template()).isEqualTo("/orders");
    }

    @Test
    void unreadableYamlIsAWarningAndSkipped() {
        file("application.yml", "a: [unclosed\n");
        file("application.properties", "b=1\n");

        SpringConfiguration config = read();

        assertThat(config.property("b")).isEqualTo("1");
        assertThat(warnings).singleElement().asString().startsWith("app.jar!/application.yml: cannot be read");
    }
}
