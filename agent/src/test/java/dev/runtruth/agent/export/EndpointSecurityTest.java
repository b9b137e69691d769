package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.agent.AgentArgs;
import dev.runtruth.agent.ConfigurationException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint's basic auth and TLS against a real HTTPS client (the JDK's {@code HttpsURLConnection}) and a
 * keystore made by the JDK's own {@code keytool}.
 */
class EndpointSecurityTest {

    private static final String PASSWORD = "changeit-" + System.nanoTime();

    @TempDir
    static Path dir;
    private static File keystore;

    @BeforeAll
    static void keytool() throws Exception {
        keystore = dir.resolve("endpoint.p12").toFile();
        Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair",
                "-alias", "runtruth", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
                "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
    }

    @Test
    void basicAuthOverTlsAcceptsOnlyTheRightUserAndPassword() throws Exception {
        AgentArgs args = AgentArgs.parse("auth=prom:" + EndpointSecurity.sha256Hex("s3cret") + ",tls_keystore="
                + keystore + ",tls_password=" + PASSWORD);
        MetricsServer server = MetricsEndpoint.start("127.0.0.1", 0, registry(), args.endpoint());
        assertThat(server).isNotNull();
        try {
            String url = "https://127.0.0.1:" + server.getPort() + "/metrics";
            assertThat(get(url, null)).isEqualTo(401);
            assertThat(get(url, "prom:wrong")).isEqualTo(401);
            assertThat(get(url, "other:s3cret")).isEqualTo(401);
            assertThat(get(url, "prom:s3cret")).isEqualTo(200);
            // plain HTTP to the TLS port gets no metrics
            assertThatThrownBy(() -> get("http://127.0.0.1:" + server.getPort() + "/metrics", "prom:s3cret"))
                    .isInstanceOf(IOException.class);
        } finally {
            server.close();
        }
    }

    @Test
    void basicAuthAloneOverPlainHttp() throws Exception {
        AgentArgs args = AgentArgs.parse("auth=prom:" + EndpointSecurity.sha256Hex("s3cret"));
        MetricsServer server = MetricsEndpoint.start("127.0.0.1", 0, registry(), args.endpoint());
        try {
            String url = "http://127.0.0.1:" + server.getPort() + "/metrics";
            assertThat(get(url, null)).isEqualTo(401);
            assertThat(get(url, "prom:s3cret")).isEqualTo(200);
        } finally {
            server.close();
        }
    }

    @Test
    void aWrongKeystorePasswordKeepsTheEndpointClosed() throws Exception {
        AgentArgs args = AgentArgs.parse("tls_keystore=" + keystore + ",tls_password=wrong");
        assertThat(MetricsEndpoint.start("127.0.0.1", 0, registry(), args.endpoint())).isNull();
    }

    @Test
    void malformedAuthKeepsTheEndpointClosed() {
        try {
            AgentArgs.parse("auth=prom:s3cret");
        } catch (ConfigurationException e) {
            assertThat(MetricsEndpoint.start("127.0.0.1", 0, registry(), e.usable().endpoint())).isNull();
            return;
        }
        throw new AssertionError("auth=prom:s3cret was accepted");
    }

    @Test
    void sha256HexIsTheFips180Digest() {
        // printf %s s3cret | sha256sum
        assertThat(EndpointSecurity.sha256Hex("s3cret"))
                .isEqualTo("1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0");
    }

    private static PrometheusRegistry registry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        new AgentSelfMetrics("test", () -> 0L, 0.0).register(registry);
        return registry;
    }

    private static int get(String url, String credentials) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        if (connection instanceof HttpsURLConnection) {
            ((HttpsURLConnection) connection).setSSLSocketFactory(trusting().getSocketFactory());
        }
        if (credentials != null) {
            connection.setRequestProperty("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            int status = connection.getResponseCode();
            if (status == 200) {
                try (InputStream in = connection.getInputStream()) {
                    byte[] body = new byte[8192];
                    int n = in.read(body);
                    assertThat(new String(Arrays.copyOf(body, Math.max(n, 0)), StandardCharsets.UTF_8))
                            .contains("runtruth_agent_info");
                }
            }
            return status;
        } catch (SSLException e) {
            throw new IOException(e);
        } finally {
            connection.disconnect();
        }
    }

    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("runtruth", store.getCertificate("runtruth"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
