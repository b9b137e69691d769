package dev.runtruth.agent.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmAgentPortsTest {

    /**
     * The agent properties of a JDK 17 JVM started with {@code -Dcom.sun.management.jmxremote.port=19110
     * -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0} (2026-12-02): the local connector
     * listened on {@code :::35483} ({@code 8A9B} in its {@code net/tcp6}), JDWP on 48043.
     */
    static final String LOCAL_CONNECTOR = "service:jmx:rmi://127.0.0.1/stub/rO0ABXNyAC5qYXZheC5tYW5hZ2VtZW50LnJlbW90ZS5y"
            + "bWkuUk1JU2VydmVySW1wbF9TdHViAAAAAAAAAAICAAB4cgAaamF2YS5ybWkuc2VydmVyLlJlbW90ZVN0dWLp/tzJi+FlGgIAAHhyABxq"
            + "YXZhLnJtaS5zZXJ2ZXIuUmVtb3RlT2JqZWN002G0kQxhMx4DAAB4cHc0AAtVbmljYXN0UmVmMgAACTEyNy4wLjAuMQAAipvJDZB8lMW1"
            + "Cs+D/CcAAAGiNMvU14ACAHg=";

    @Test
    void theLocalJmxConnectorsPortIsReadFromItsStubWithoutDeserializingIt() {
        assertThat(JvmAgentPorts.stubPort(LOCAL_CONNECTOR)).isEqualTo(35483);
    }

    @Test
    void jdwpAndLocalJmxPortsOfTheAgentProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("sun.jdwp.listenerAddress", "dt_socket:48043");
        properties.put("com.sun.management.jmxremote.localConnectorAddress", LOCAL_CONNECTOR);
        properties.put("sun.java.command", "J.java");

        assertThat(JvmAgentPorts.ports(properties)).containsExactly(35483, 48043);
    }

    @Test
    void addressesOfAnotherFormNameNoPort() {
        assertThat(JvmAgentPorts.stubPort("service:jmx:rmi:///jndi/rmi://localhost:9010/jmxrmi")).isNull();
        assertThat(JvmAgentPorts.stubPort("service:jmx:rmi://127.0.0.1/stub/not*base64")).isNull();
        assertThat(JvmAgentPorts.stubPort("service:jmx:rmi://127.0.0.1/stub/rO0ABXNy")).isNull();
        assertThat(JvmAgentPorts.ports(new HashMap<>())).isEmpty();
    }
}
