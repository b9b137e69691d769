package dev.runtruth.agent.listeners;

import dev.runtruth.agent.AgentLog;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ports the JVM itself listens on with a port it picked, published only in its <em>agent properties</em> (what
 * {@code jcmd PID VM.system_properties} does not show, read by {@code VirtualMachine#getAgentProperties()}):
 * <ul>
 *   <li>{@code sun.jdwp.listenerAddress} ({@code dt_socket:40123}): the JDWP debugger's socket, also with
 *       {@code address=0};</li>
 *   <li>{@code com.sun.management.jmxremote.localConnectorAddress} ({@code service:jmx:rmi://127.0.0.1/stub/<base64>}):
 *       the local JMX connector, which the JVM's management agent opens on a random port of every interface (accepting
 *       loopback connections only) when {@code com.sun.management.jmxremote.port} is set or a local tool (JConsole,
 *       {@code jcmd ManagementAgent.start_local}) starts it. Its port is read from the serialized RMI stub's bytes
 *       ({@code UnicastRef}/{@code UnicastRef2}, then the endpoint's host and port as {@code java.io.DataOutput}
 *       writes them, {@code sun.rmi.transport.tcp.TCPEndpoint}); the stub is never deserialized.</li>
 * </ul>
 * The properties live in {@code jdk.internal.vm.VMSupport} (Java 9+; {@code sun.misc.VMSupport} in 8), a package
 * {@code java.base} exports to the JDK's own modules only: the agent exports it to itself once, with {@code
 * Instrumentation#redefineModule} (called reflectively: the agent is Java 8 bytecode). Where that fails the ports are
 * not known and show as {@code unknown}; one debug line says why.
 */
final class JvmAgentPorts {

    private final Instrumentation instrumentation;
    private Method getAgentProperties;
    private boolean unavailable;

    /** @param instrumentation the agent's, to export {@code jdk.internal.vm}; {@code null} in tests */
    JvmAgentPorts(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** @return the JDWP and local JMX ports now; empty when the agent properties cannot be read; never throws */
    synchronized Set<Integer> read() {
        Properties properties = agentProperties();
        return properties == null ? Collections.<Integer>emptySet() : ports(properties);
    }

    /** @return the JDWP and local JMX connector ports named by these agent properties */
    static Set<Integer> ports(Map<?, ?> properties) {
        Set<Integer> ports = new TreeSet<Integer>();
        Object jdwp = properties.get("sun.jdwp.listenerAddress");
        if (jdwp != null) {
            String text = jdwp.toString();
            add(text.substring(text.lastIndexOf(':') + 1), ports);
        }
        Object jmx = properties.get("com.sun.management.jmxremote.localConnectorAddress");
        Integer port = jmx == null ? null : stubPort(jmx.toString());
        if (port != null) {
            ports.add(port);
        }
        return ports;
    }

    /**
     * @param address a JMX service URL {@code service:jmx:rmi://host/stub/<base64 of a serialized RMI stub>}
     * @return the port of the stub's TCP endpoint, or {@code null} when the address is not of that form
     */
    static Integer stubPort(String address) {
        int at = address.indexOf("/stub/");
        if (at < 0) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(address.substring(at + "/stub/".length()).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (String ref : new String[] {"UnicastRef2", "UnicastRef"}) {
            int i = indexOf(bytes, ref.getBytes(StandardCharsets.US_ASCII));
            // the ref's type name is written with writeUTF: two length bytes before it
            if (i < 2 || bytes[i - 2] != 0 || bytes[i - 1] != ref.length()) {
                continue;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, i + ref.length(),
                        bytes.length - i - ref.length()));
                if (ref.equals("UnicastRef2")) {
                    in.readByte(); // TCPEndpoint's format: host and port, with or without a socket factory
                }
                in.readUTF(); // host
                int port = in.readInt();
                return port > 0 && port <= 65535 ? port : null;
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private Properties agentProperties() {
        if (unavailable) {
            return null;
        }
        try {
            if (getAgentProperties == null) {
                getAgentProperties = vmSupport().getMethod("getAgentProperties");
            }
            return (Properties) getAgentProperties.invoke(null);
        } catch (Throwable t) {
            unavailable = true;
            AgentLog.debug("listeners: the JVM's agent properties cannot be read (" + t + "): a JDWP or local JMX "
                    + "listener on a port the JVM picked shows as unknown");
            return null;
        }
    }

    private Class<?> vmSupport() throws Exception {
        try {
            Class<?> type = Class.forName("jdk.internal.vm.VMSupport"); // Java 9+
            Method getModule = Class.class.getMethod("getModule");
            Object base = getModule.invoke(type);
            Object self = getModule.invoke(JvmAgentPorts.class);
            Class<?> moduleType = Class.forName("java.lang.Module");
            boolean exported = (Boolean) moduleType.getMethod("isExported", String.class, moduleType)
                    .invoke(base, "jdk.internal.vm", self);
            if (!exported) {
                if (instrumentation == null) {
                    throw new IllegalStateException("no Instrumentation to export jdk.internal.vm");
                }
                Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class, Map.class,
                        Set.class, Map.class).invoke(instrumentation, base, Collections.emptySet(),
                        Collections.singletonMap("jdk.internal.vm", Collections.singleton(self)),
                        Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
            }
            return type;
        } catch (ClassNotFoundException e) {
            return Class.forName("sun.misc.VMSupport"); // Java 8
        }
    }

    private static void add(String port, Set<Integer> out) {
        try {
            int p = Integer.parseInt(port.trim());
            if (p > 0 && p <= 65535) {
                out.add(p);
            }
        } catch (NumberFormatException e) {
            // not a port
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
