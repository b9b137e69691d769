package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.AgentArgs;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The startup lines the docs show ({@code docs/agent.md} under "What it says when it starts", the README's first
 * step) are what the agent prints: the loopback line as a real endpoint started on a free port prints it, the others
 * as {@link MetricsEndpoint#startupLine} writes them for the options parsed from the agent argument a user would
 * give. Only the port may differ (the real one is free, the doc's an example).
 */
class EndpointDocExamplesTest {

    /** SHA-256 of "secret": any well-formed hash; the line names the user only. */
    private static final String SHA = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

    @TempDir
    File dir;

    @Test
    void theStartupLinesOfAgentMdAreWhatTheAgentPrints() throws Exception {
        String doc = read("../docs/agent.md");
        int anchor = doc.indexOf("<a id=\"endpoint\">");
        assertThat(anchor).as("docs/agent.md has the endpoint section").isPositive();
        int start = doc.indexOf("```\n", anchor) + 4;
        List<String> documented = Arrays.asList(doc.substring(start, doc.indexOf("```", start)).trim().split("\n"));

        File keystore = new File(dir, "agent.p12");
        Files.write(keystore.toPath(), new byte[] {1}); // parse checks that it can be read, not what it holds
        List<String> real = new ArrayList<String>();
        real.add(MetricsEndpoint.startupLine("http://0.0.0.0:7461/metrics", "0.0.0.0",
                AgentArgs.parse("").endpoint()));
        real.add(loopbackLineOfARealEndpoint());
        real.add(MetricsEndpoint.startupLine("https://0.0.0.0:7461/metrics", "0.0.0.0", AgentArgs.parse(
                "auth=prometheus:" + SHA + ",tls_keystore=" + keystore + ",tls_password=changeit").endpoint()));

        assertThat(withoutPorts(documented)).isEqualTo(withoutPorts(real));
    }

    @Test
    void theReadmesFirstStepQuotesTheDefaultLine() throws Exception {
        String readme = read("../README.md");
        int at = readme.indexOf("#   " + MetricsEndpoint.STARTUP_PREFIX);
        assertThat(at).as("README.md quotes the startup line in a comment").isPositive();
        StringBuilder quoted = new StringBuilder();
        for (String line : readme.substring(at).split("\n")) {
            if (!line.startsWith("#   ")) {
                break;
            }
            quoted.append(quoted.length() == 0 ? "" : " ").append(line.substring(4).trim());
        }
        String text = quoted.toString();
        assertThat(text).as("the quote is cut with ...").endsWith("...");
        String cut = text.substring(0, text.length() - 3);
        // the README shows the default: port 7461 on all interfaces, nothing configured
        assertThat(MetricsEndpoint.startupLine("http://0.0.0.0:7461/metrics", "0.0.0.0",
                AgentArgs.parse("").endpoint())).startsWith(cut);
    }

    private static String loopbackLineOfARealEndpoint() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        MetricsServer server;
        try {
            System.setErr(new PrintStream(captured, true, "UTF-8"));
            server = MetricsEndpoint.start("127.0.0.1", 0, new PrometheusRegistry(),
                    AgentArgs.parse("host=127.0.0.1,port=0").endpoint());
        } finally {
            System.setErr(saved);
        }
        assertThat(server).isNotNull();
        server.close();
        return captured.toString("UTF-8").trim();
    }

    private static List<String> withoutPorts(List<String> lines) {
        List<String> out = new ArrayList<String>();
        for (String line : lines) {
            out.add(line.replaceAll("://([0-9.]+):[0-9]+/", "://$1:PORT/"));
        }
        return out;
    }

    private static String read(String path) throws Exception {
        return new String(Files.readAllBytes(new File(path).toPath()), "UTF-8");
    }
}
