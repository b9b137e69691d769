package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;


import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void printsOneStartupLineWithTheRealPortAndWhetherItIsProtected() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        MetricsServer server;
        try {
            System.setErr(new PrintStream(captured, true, "UTF-8"));
            server = MetricsEndpoint.start("127.0.0.1", 0, new PrometheusRegistry());
        } finally {
            System.setErr(saved);
        }
        try {
            assertThat(server).isNotNull();
            assertThat(server.getPort()).isPositive();
            assertThat(java.util.Arrays.asList(captured.toString("UTF-8").split("\\R"))).containsExactly(
                    "[runtruth] serving http://127.0.0.1:" + server.getPort() + "/metrics, NOT protected (no"
                            + " authentication, no TLS); loopback only");
        } finally {
            server.close();
        }
    }

    @Test
    void theWildcardAddressIsSaidToBeReachableFromOtherHosts() {
        assertThat(MetricsEndpoint.startupLine("http://0.0.0.0:7461/metrics", "0.0.0.0", null)).isEqualTo(
                "[runtruth] serving http://0.0.0.0:7461/metrics, NOT protected (no authentication, no TLS) and"
                        + " reachable from other hosts: it lists every loaded jar with version and SHA-256; restrict"
                        + " it with host=127.0.0.1 or auth= (docs/agent.md#endpoint)");
    }
}
