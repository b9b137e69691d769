package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.InputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeConfigReaderTest {

    private static final String GOOD = "services:\n  billing-api:\n    expected: {path: build/app.jar}\n"
            + "    observed: {prometheus: 'http://prom:9090/'}\n";

    @TempDir
    Path dir;

    @Test
    void defaultsAndResolvedPaths() throws Exception {
        ServeConfig config = ServeConfigReader.read(write(GOOD));
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(ServeConfig.DEFAULT_PORT);
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
        ServeConfig.Service service = config.services().get(0);
        assertThat(service.name()).isEqualTo("billing-api");
        assertThat(service.expectedPath()).isEqualTo(dir.resolve("build/app.jar"));
        assertThat(service.observed().prometheus()).isEqualTo(URI.create("http://prom:9090"));
        assertThat(service.observed().selector()).isEqualTo("{job=\"billing-api\"}");
        assertThat(service.defaultIgnores()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "listen: nope|listen: 'nope' is not host:port",
        "interval: 0s|interval: '0s' is not a positive duration",
        "interval: 5 minutes|interval: '5 minutes' is not a positive duration",
        "colour: blue|colour: unknown key",
        "services: []|services: required",
        "services: {a: {expected: {path: x}}}|services.a.observed: required",
        "services: {a: {observed: {agents: [http://h:1]}}}|services.a.expected: required",
        "services: {a: {expected: {commit: abc}, observed: {agents: [http://h:1]}}}|services.a.expected.path: required",
        "services: {a: {expected: {path: x}, observed: {agents: [ftp://h]}}}|services.a.observed.agents: ftp://h",
        "services: {a: {expected: {path: x}, observed: {prometheus: 'ftp://p:9090'}}}|services.a.observed.prometheus: ftp://p:9090: not an http(s) URL with a host, e.g. http://prometheus:9090",
        "services: {a: {expected: {path: x}, observed: {}}}|services.a.observed: give either 'prometheus'",
        "services: {a: {expected: {path: x}, observed: {agents: [http://h:1], selector: '{}'}}}|selector: only applies",
        "services: {a: {expected: {path: x}, observed: {prometheus: http://p, selector: 'job=\"a\"'}}}|is not PromQL label matchers",
        "services: {a: {expected: {path: x, commit: abc}, observed: {prometheus: http://p}}}|services.a.expected.commit: 'abc' is not a full commit id",
        "services: {a: {expected: {path: x}, observed: {prometheus: http://p}, defaultIgnores: maybe}}|defaultIgnores: must be true or false",
        "'services: [unclosed'|malformed YAML",
        "'{listen: \"a:1\", listen: \"b:2\"}'|duplicate key listen",
    })
    void badConfigurationNamesTheFileAndTheKey(String yaml, String message) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> ServeConfigReader.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("serve.yml"), yaml);
    }
}
