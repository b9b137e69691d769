package dev.runtruth.agent.export;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.EndpointOptions;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;

/**
 * The agent's HTTP endpoint: a {@link MetricsServer} (one daemon thread) on a private registry, serving
 * {@code /metrics} in Prometheus text and OpenMetrics formats (client_java's content negotiation by {@code Accept}).
 */
public final class MetricsEndpoint {

    private MetricsEndpoint() {
    }

    /**
     * Starts the endpoint. Never throws: a busy port, a bad address or a runtime without the {@code jdk.httpserver}
     * module yield one warning and {@code null}; the application runs on without metrics.
     *
     * @param host     bind address
     * @param port     TCP port, 0 for any free port
     * @param registry what to serve
     * @return the running server, or {@code null} when it could not start
     */
    public static MetricsServer start(String host, int port, PrometheusRegistry registry) {
        return start(host, port, registry, null);
    }

    /** System property the agent sets to its endpoint's URL once it serves, e.g. {@code http://127.0.0.1:7461/metrics}. */
    public static final String ENDPOINT_PROPERTY = "runtruth.agent.endpoint";

    /**
     * Starts the endpoint with basic auth and/or TLS. Never throws. Fails closed: when the options carry a
     * {@link EndpointOptions#refusal()}, or the keystore cannot be used, it warns once and does not serve at all,
     * rather than serve without the protection asked for.
     *
     * @param host     bind address
     * @param port     TCP port, 0 for any free port
     * @param registry what to serve
     * @param options  auth and TLS; {@code null} for plain, open HTTP
     * @return the running server, or {@code null} when it could not or must not start
     */
    public static MetricsServer start(String host, int port, PrometheusRegistry registry, EndpointOptions options) {
        if (options != null && options.refusal() != null) {
            AgentLog.warn("endpoint", "metrics endpoint not started: " + options.refusal()
                    + " (it stays closed rather than serve unprotected); the application runs on without Runtruth "
                    + "metrics");
            return null;
        }
        boolean tls = options != null && options.tlsKeystore() != null;
        try {
            boolean secured = options != null && (options.authUser() != null || tls);
            final MetricsServer server = MetricsServer.start(new InetSocketAddress(host, port), registry,
                    secured ? EndpointSecurity.authenticator(options) : null,
                    secured ? EndpointSecurity.httpsConfigurator(options) : null);
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    server.close();
                }
            }, "runtruth-endpoint-shutdown"));
            String url = (tls ? "https" : "http") + "://" + host + ":" + server.getPort() + "/metrics";
            // read by `runtruth attach` through the Attach API: a second attach reads this agent, it loads no other
            System.setProperty(ENDPOINT_PROPERTY, url);
            // the one line a healthy agent prints: where it serves (the real port, also for port=0) and to whom
            System.err.println(startupLine(url, host, options));
            return server;
        } catch (Throwable t) {
            // LinkageError included: a jlinked runtime may lack com.sun.net.httpserver
            AgentLog.warn("endpoint", "cannot serve metrics on " + host + ":" + port + " (" + describe(t)
                    + "); the application runs on without Runtruth metrics");
            return null;
        }
    }

    /** Prefix of {@link #startupLine}: the one line a healthy agent prints on the host's stderr. */
    public static final String STARTUP_PREFIX = "[runtruth] serving ";

    /**
     * The startup line: where the endpoint serves and whether it is protected, e.g. {@code [runtruth] serving
     * http://0.0.0.0:7461/metrics, NOT protected (no authentication, no TLS) and reachable from other hosts: it lists
     * every loaded jar with version and SHA-256; restrict it with host=127.0.0.1 or auth= (docs/agent.md#endpoint)}.
     *
     * @param url     the URL served, with the real port
     * @param host    the bind address as given
     * @param options auth and TLS, or {@code null}
     * @return one line, starting with {@link #STARTUP_PREFIX}
     */
    static String startupLine(String url, String host, EndpointOptions options) {
        boolean auth = options != null && options.authUser() != null;
        boolean tls = options != null && options.tlsKeystore() != null;
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        String reach = loopback ? "loopback only" : "reachable from other hosts";
        if (auth && tls) {
            return STARTUP_PREFIX + url + ", protected: HTTP basic auth (user " + options.authUser() + ") over TLS; "
                    + reach;
        }
        if (auth) {
            return STARTUP_PREFIX + url + ", protected: HTTP basic auth (user " + options.authUser() + "), no TLS: "
                    + "the password crosses the network in clear; " + reach;
        }
        String open = tls ? ", TLS, no authentication" : ", NOT protected (no authentication, no TLS)";
        return STARTUP_PREFIX + url + open + (loopback ? "; loopback only"
                : " and reachable from other hosts: it lists every loaded jar with version and SHA-256; restrict it"
                        + " with host=127.0.0.1 or auth= (docs/agent.md#endpoint)");
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String hint = t instanceof LinkageError && message != null && message.contains("com/sun/net/httpserver")
                ? ": this Java runtime lacks the module jdk.httpserver" : "";
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message) + hint;
    }
}
