package dev.runtruth.agent.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcludedPortsTest {

    @Test
    void ignorePortsAndJmxPropertiesAreExcluded() {
        Map<String, String> properties = new HashMap<>();
        properties.put("com.sun.management.jmxremote.port", "9010");
        properties.put("com.sun.management.jmxremote.rmi.port", " 9011 ");

        ExcludedPorts excluded = ExcludedPorts.of(new TreeSet<>(Arrays.asList(5701, 7946)), properties,
                Collections.emptyList());

        assertThat(excluded.ports()).containsExactly(5701, 7946, 9010, 9011);
        assertThat(excluded.contains(8080)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005 | 5005",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=5006,suspend=n   | 5006",
        "-agentlib:jdwp=transport=dt_socket,address=127.0.0.1:5007,server=y   | 5007",
        "-Xrunjdwp:transport=dt_socket,server=y,address=5008                  | 5008",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=localhost        | ''",
        "-Dmy.address=5009                                                     | ''",
    })
    void jdwpListenerOfTheJvmArgumentsIsExcluded(String argument, String port) {
        Set<Integer> ports = ExcludedPorts.of(Collections.emptySet(), Collections.emptyMap(),
                Collections.singletonList(argument)).ports();

        assertThat(ports).isEqualTo(port.isEmpty() ? Collections.emptySet()
                : Collections.singleton(Integer.parseInt(port)));
    }

    @Test
    void nonNumericPropertiesExcludeNothing() {
        Map<String, String> properties = Collections.singletonMap("com.sun.management.jmxremote.port", "${JMX}");

        assertThat(ExcludedPorts.of(Collections.emptySet(), properties, Collections.emptyList()).ports()).isEmpty();
    }
}
