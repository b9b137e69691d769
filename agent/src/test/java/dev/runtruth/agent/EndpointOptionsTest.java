package dev.runtruth.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointOptionsTest {

    // SHA-256("s3cret"), as printed by: printf %s s3cret | sha256sum
    static final String S3CRET_SHA256 = "1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0";

    @Test
    void defaultsAreOpenWithDefaultCaps() throws Exception {
        EndpointOptions options = AgentArgs.parse(null).endpoint();
        assertThat(options.authUser()).isNull();
        assertThat(options.tlsKeystore()).isNull();
        assertThat(options.refusal()).isNull();
        assertThat(options.maxRoutes()).isEqualTo(EndpointOptions.DEFAULT_MAX_ROUTES);
        assertThat(options.maxJars()).isEqualTo(EndpointOptions.DEFAULT_MAX_JARS);
    }

    @Test
    void authIsUserAndHexSha256() throws Exception {
        EndpointOptions options = AgentArgs.parse("auth=prom:" + S3CRET_SHA256.toUpperCase()).endpoint();
        assertThat(options.authUser()).isEqualTo("prom");
        assertThat(options.authSha256()).isEqualTo(S3CRET_SHA256);
        assertThat(options.toString()).doesNotContain(S3CRET_SHA256);
    }

    @Test
    void authFileIsReadFromTheEnvironmentName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("auth");
        Files.write(file, ("prom:" + S3CRET_SHA256 + "\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = new HashMap<>();
        env.put("RUNTRUTH_AUTH_FILE", file.toString());
        EndpointOptions options = AgentArgs.resolve(null, Collections.emptyMap(), env).endpoint();
        assertThat(options.authUser()).isEqualTo("prom");
        assertThat(options.refusal()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auth=prom:plaintext-password   | auth is not user:<64 hex digits        | plaintext-password",
        "auth=prom                      | auth is not user:<64 hex digits        | prom:",
        "auth_file=/nonexistent/auth    | auth_file='/nonexistent/auth' cannot be read | ''",
        "tls_password=hunter2           | tls_password is set but tls_keystore is not  | hunter2",
        "tls_keystore=/nonexistent.p12  | tls_keystore='/nonexistent.p12' is not a readable file | ''",
    })
    void badSecurityOptionsCloseTheEndpointAndNeverEchoSecrets(String args, String message, String secret) {
        assertThatThrownBy(() -> AgentArgs.parse(args))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    if (!secret.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(secret);
                    }
                    EndpointOptions usable = ((ConfigurationException) e).usable().endpoint();
                    assertThat(usable.refusal()).isNotNull();
                });
    }

    @Test
    void keystoreWithoutPasswordIsRefused(@TempDir Path dir) throws Exception {
        File keystore = Files.createFile(dir.resolve("ks.p12")).toFile();
        assertThatThrownBy(() -> AgentArgs.parse("tls_keystore=" + keystore))
                .hasMessageContaining("tls_keystore is set but tls_password is not");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "max_routes=5,max_jars=0 | 5     | 0",
        "MAX_ROUTES=20000        | 20000 | 2000",
    })
    void capsAreConfigurable(String args, int routes, int jars) throws Exception {
        EndpointOptions options = AgentArgs.parse(args).endpoint();
        assertThat(options.maxRoutes()).isEqualTo(routes);
        assertThat(options.maxJars()).isEqualTo(jars);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"max_routes=-1 | max_routes='-1'", "max_jars=lots | max_jars='lots'"})
    void badCapsFallBackToTheDefaultWithoutClosingTheEndpoint(String args, String message) {
        assertThatThrownBy(() -> AgentArgs.parse(args))
                .hasMessageContaining(message)
                .satisfies(e -> {
                    EndpointOptions usable = ((ConfigurationException) e).usable().endpoint();
                    assertThat(usable.refusal()).isNull();
                    assertThat(usable.maxRoutes()).isEqualTo(EndpointOptions.DEFAULT_MAX_ROUTES);
                    assertThat(usable.maxJars()).isEqualTo(EndpointOptions.DEFAULT_MAX_JARS);
                });
    }
}
