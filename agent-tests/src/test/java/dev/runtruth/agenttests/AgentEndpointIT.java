package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded agent's endpoint as an operator configures it: basic auth with a hashed password over TLS, checked with
 * the JDK's HTTP client; and the series caps and label hygiene on the sample service.
 */
class AgentEndpointIT {

    @TempDir
    Path dir;

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Path>> jdks() {
        return AgentRobustnessIT.jdks();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void basicAuthFromAHashedPasswordFileOverTls(Path jdk) throws Exception {
        String storePassword = UUID.randomUUID().toString();
        Path keystore = keytool(dir.resolve("endpoint.p12"), storePassword);
        Path authFile = Files.writeString(dir.resolve("auth"), "prometheus:" + sha256Hex("scrape-me") + "\n");
        int agentPort = TestJvm.freePort();
        int appPort = TestJvm.freePort();
        try (TestJvm jvm = TestJvm.builder("endpoint-auth-tls-" + jdk.getFileName(), jdk)
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,tls_keystore=" + keystore)
                .jvmArgs("-Druntruth.auth_file=" + authFile, "-Druntruth.tls_password=" + storePassword)
                .jar(Artifacts.app("fault-host"))
                .args("plain", "--port=" + appPort)
                .start()) {
            jvm.awaitHttp200("http://127.0.0.1:" + appPort + "/", AbstractSpringAppIT.START_TIMEOUT);
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore, storePassword))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI metrics = URI.create("https://127.0.0.1:" + agentPort + "/metrics");
            HttpResponse<String> ok = awaitServing(client, metrics, "prometheus:scrape-me");
            assertThat(ok.statusCode()).as(jvm.describe()).isEqualTo(200);
            assertThat(ok.body()).contains("runtruth_agent_info");
            assertThat(send(client, metrics, null).statusCode()).isEqualTo(401);
            assertThat(send(client, metrics, null).headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
            assertThat(send(client, metrics, "prometheus:wrong").statusCode()).isEqualTo(401);
            assertThat(jvm.stderrLines()).as(jvm.describe()).noneMatch(AppUnderAgent::isAgentMessage);
            assertThat(jvm.stderrLines()).as(jvm.describe()).filteredOn(l -> l.startsWith(AppUnderAgent.STARTUP_LINE))
                    .containsExactly(AppUnderAgent.STARTUP_LINE + metrics + ", protected: HTTP basic auth (user"
                            + " prometheus) over TLS; loopback only");
        }
    }

    @Test
    void routeLabelsAreTemplatesAndTheCapCountsWhatItDrops() throws Exception {
        int agentPort = TestJvm.freePort();
        int appPort = TestJvm.freePort();
        String secret = "token-" + UUID.randomUUID();
        try (TestJvm jvm = TestJvm.builder("endpoint-cap", Jdks.current())
                .agent(Artifacts.agentJar(), "port=" + agentPort + ",host=127.0.0.1,max_routes=3")
                .jar(Artifacts.app("backoffice"))
                .args("--server.port=" + appPort)
                .start()) {
            String app = "http://127.0.0.1:" + appPort;
            jvm.awaitHttp200(app + "/actuator/health", AbstractSpringAppIT.START_TIMEOUT);
            // user data in paths and query strings: none of it may reach a label
            for (String path : List.of("/api/v1/customers?email=" + secret, "/api/v1/customers/" + secret,
                    "/" + secret + "/x?y=" + secret, "/api/v1/orders/42/notes?q=" + secret)) {
                TestJvm.get(app + path);
            }
            String url = "http://127.0.0.1:" + agentPort + "/metrics";
            // the endpoint opens once the application's class loading pauses: wait for it (one scrape)
            jvm.awaitHttp200(url, AbstractSpringAppIT.START_TIMEOUT);
            AgentScrape first = AgentScrape.scrape(url);
            AgentScrape second = AgentScrape.scrape(url);
            assertThat(second.series("runtruth_route_info")).as(second.text()).hasSize(3);
            double total = second.series("runtruth_routes").stream().mapToDouble(s -> s.value()).sum();
            assertThat(total).as("runtruth_routes counts every route").isGreaterThan(3);
            double dropped = dropped(second, "runtruth_route_info");
            // every scrape drops the same routes again and counts them: 2nd and 3rd scrape
            assertThat(dropped(first, "runtruth_route_info")).as(first.text()).isEqualTo(2 * (total - 3));
            assertThat(dropped).as(second.text()).isEqualTo(3 * (total - 3), org.assertj.core.data.Offset.offset(0.1));
            assertThat(dropped(second, "runtruth_classpath_entry_info")).isZero();
            assertThat(second.text()).doesNotContain(secret);
            assertThat(second.series("runtruth_route_info")).allSatisfy(s -> assertThat(s.labels().get("route"))
                    .doesNotContain("?"));
        }
    }

    private static double dropped(AgentScrape metrics, String family) {
        return metrics.series("runtruth_series_dropped_total").stream()
                .filter(s -> family.equals(s.labels().get("family"))).mapToDouble(s -> s.value()).sum();
    }

    private static HttpResponse<String> awaitServing(HttpClient client, URI uri, String credentials)
            throws InterruptedException {
        IOException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                return send(client, uri, credentials);
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no answer from " + uri, last);
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256Hex(String password) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** A self-signed key pair for 127.0.0.1, made by the JDK's keytool. */
    static Path keytool(Path keystore, String password) throws Exception {
        Process keytool = new ProcessBuilder(Jdks.current().resolve("bin/keytool").toString(), "-genkeypair",
                "-alias", "runtruth", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
                "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
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
