package dev.runtruth.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class AgentArgsTest {

    @ParameterizedTest
    @NullAndEmptySource
    void noArgumentsMeansDefaults(String args) throws Exception {
        AgentArgs parsed = AgentArgs.parse(args);
        assertThat(parsed.port()).isEqualTo(AgentArgs.DEFAULT_PORT);
        assertThat(parsed.host()).isEqualTo(AgentArgs.DEFAULT_HOST);
        assertThat(parsed.service()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port=9999                             | 9999 | 0.0.0.0   | ''",
        "port=0,host=127.0.0.1                 | 0    | 127.0.0.1 | ''",
        "service=billing-api, PORT = 8000      | 8000 | 0.0.0.0   | billing-api",
    })
    void parsesKeyValuePairs(String args, int port, String host, String service) throws Exception {
        AgentArgs parsed = AgentArgs.parse(args);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.service()).isEqualTo(service);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port=notanumber         | port='notanumber' is not a port number",
        "port=70000              | port='70000' is not a port number",
        "bogus                   | 'bogus' is not key=value",
        "colour=blue             | unknown option 'colour'",
        "classpath=some          | classpath='some' is not 'jars' or 'off'",
        "ignore_ports=80,http    | ignore_ports='80,http': 'http' is not a port number (1-65535)",
        "ignore_ports=0          | ignore_ports='0': '0' is not a port number (1-65535)",
    })
    void badInputIsNamedAndReplacedByDefault(String args, String message) {
        assertThatThrownBy(() -> AgentArgs.parse(args + ",service=kept"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    AgentArgs usable = ((ConfigurationException) e).usable();
                    assertThat(usable.port()).isEqualTo(AgentArgs.DEFAULT_PORT);
                    assertThat(usable.service()).isEqualTo("kept");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | true", "classpath=jars | true", "classpath=OFF | false"})
    void classpathDetailIsOnUnlessTurnedOff(String args, boolean detail) throws Exception {
        assertThat(AgentArgs.parse(args).classpathDetail()).isEqualTo(detail);
    }

    @Test
    void agentArgumentsWinOverSystemPropertiesWhichWinOverEnvironment() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("runtruth.port", "2000");
        props.put("runtruth.host", "127.0.0.1");
        Map<String, String> env = new HashMap<>();
        env.put("RUNTRUTH_PORT", "3000");
        env.put("RUNTRUTH_HOST", "10.0.0.1");
        env.put("RUNTRUTH_SERVICE", "from-env");

        AgentArgs args = AgentArgs.resolve("port=1000", props, env);

        assertThat(args.port()).isEqualTo(1000);
        assertThat(args.host()).isEqualTo("127.0.0.1");
        assertThat(args.service()).isEqualTo("from-env");
        assertThat(AgentArgs.resolve(null, Collections.emptyMap(), env).port()).isEqualTo(3000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | []",
        "ignore_ports=5701                   | [5701]",
        "ignore_ports=9010,5701              | [5701, 9010]",
        "port=1,ignore_ports=5701,9010,host=h | [5701, 9010]",
        "ignore_ports=5701, 9010 ,service=s  | [5701, 9010]",
    })
    void ignorePortsIsACommaSeparatedListEvenInsideTheAgentArgumentString(String args, String ports)
            throws Exception {
        assertThat(AgentArgs.parse(args).ignorePorts().toString()).isEqualTo(ports);
    }

    @Test
    void ignorePortsFromASystemProperty() throws Exception {
        assertThat(AgentArgs.resolve(null, Collections.singletonMap("runtruth.ignore_ports", "7946,5701"),
                Collections.emptyMap()).ignorePorts()).containsExactly(5701, 7946);
    }
}
