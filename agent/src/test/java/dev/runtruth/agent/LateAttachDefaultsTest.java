package dev.runtruth.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A late attach serves on loopback unless a host is given; what is given is kept as it is. */
class LateAttachDefaultsTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "                                  | host=127.0.0.1",
        "port=7461                         | port=7461,host=127.0.0.1",
        "port=7461,host=0.0.0.0            | port=7461,host=0.0.0.0",
        "host=10.0.0.1,port=1              | host=10.0.0.1,port=1",
        "port=1,ignore_ports=5701,9010     | port=1,ignore_ports=5701,9010,host=127.0.0.1",
    })
    void loopbackUnlessAHostIsGiven(String given, String expected) throws ConfigurationException {
        assertThat(RuntruthAgent.withLoopbackDefault(given)).isEqualTo(expected);
        assertThat(AgentArgs.parse(RuntruthAgent.withLoopbackDefault(given)).host())
                .isEqualTo(expected.contains("host=10.0.0.1") ? "10.0.0.1"
                        : expected.contains("host=0.0.0.0") ? "0.0.0.0" : "127.0.0.1");
    }
}
