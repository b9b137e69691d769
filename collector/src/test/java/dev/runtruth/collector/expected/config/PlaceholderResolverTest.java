package dev.runtruth.collector.expected.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.PropertyPlaceholderHelper;

/** Placeholder resolution against Spring Framework's own {@link PropertyPlaceholderHelper} as the truth. */
class PlaceholderResolverTest {

    private static final String PROPERTIES = """
            app.base=/api
            app.version=v2
            app.versioned=${app.base}/${app.version}
            app.name=orders
            orders.path=/orders
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        "/plain", "${app.base}", "${app.base}/items", "${app.versioned}/x", "${app.missing:/fallback}",
        "${app.missing:${app.base}}/y", "${${app.name}.path}", "/a/{id}/${app.version}", "${app.missing:/d/{id}}",
        "${app.base}${app.base}"})
    void resolvesAsSpringDoes(String path) throws Exception {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(PROPERTIES));
        String spring = new PropertyPlaceholderHelper("${", "}", ":", null, false).replacePlaceholders(path,
                properties);
        List<String> warnings = new ArrayList<>();

        List<String> ours = new PlaceholderResolver(configuration(PROPERTIES)).resolve(List.of(path), "a.B#m",
                warnings::add);

        assertThat(ours).containsExactly(spring);
        assertThat(warnings).isEmpty();
    }

    @Test
    void unresolvablePlaceholderIsAWildcardSegmentWithOneWarning() {
        List<String> warnings = new ArrayList<>();

        List<String> ours = new PlaceholderResolver(configuration(PROPERTIES))
                .resolve(List.of("${app.base}/${tenant.id}/items"), "a.B#m", warnings::add);

        assertThat(ours).containsExactly("/api/*/items");
        assertThat(warnings).singleElement().asString().startsWith("a.B#m: path '${app.base}/${tenant.id}/items':"
                + " placeholder ${tenant.id} not set");
    }

    @Test
    void cyclicPlaceholderEndsAsAWildcard() {
        List<String> warnings = new ArrayList<>();

        List<String> ours = new PlaceholderResolver(configuration("a=${b}\nb=${a}\n"))
                .resolve(List.of("/x/${a}"), "a.B#m", warnings::add);

        assertThat(ours).containsExactly("/x/*");
        assertThat(warnings).singleElement().asString().contains("nested too deep or cyclic");
    }

    static SpringConfiguration configuration(String properties) {
        Map<String, byte[]> files = Map.of("application.properties", properties.getBytes(StandardCharsets.UTF_8));
        return SpringConfiguration.read(files::get, "app.jar", List.of(), w -> {
            throw new AssertionError(w);
        });
    }
}
