package dev.runtruth.agent.listeners;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listening ports that are not HTTP services of the application, each with the reason: the agent's own metrics
 * endpoint, JMX remote ({@code com.sun.management.jmxremote.port} and {@code .rmi.port}), a JDWP debug listener
 * ({@code -agentlib:jdwp=...,server=y,address=[host:]port} or {@code -Xrunjdwp:}), and the user's {@code
 * ignore_ports}. Immutable. Ports the JVM picks itself (JDWP {@code address=0}, the local JMX connector) are read by
 * {@link JvmAgentPorts}.
 */
final class ExcludedPorts {

    private static final Pattern JDWP = Pattern.compile("^-(?:agentlib:jdwp=|Xrunjdwp:)(.*)$");
    private static final Pattern ADDRESS = Pattern.compile("(?:^|,)address=(?:[^,]*:)?(\\d+)(?:,|$)");

    private final Map<Integer, String> reasons;

    private ExcludedPorts(Map<Integer, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * @param ignorePorts the {@code ignore_ports} option
     * @param properties  the system properties ({@code com.sun.management.jmxremote.port}, {@code .rmi.port})
     * @param jvmArguments the JVM's input arguments ({@code RuntimeMXBean#getInputArguments()}), for {@code jdwp}
     * @return the exclusions known at start; the agent's own port is passed to {@link #contains} separately, as it is
     *         known only once the endpoint is bound
     */
    static ExcludedPorts of(Set<Integer> ignorePorts, Map<?, ?> properties, List<String> jvmArguments) {
        Map<Integer, String> reasons = new TreeMap<Integer, String>();
        for (Integer port : ignorePorts) {
            reasons.put(port, "ignore_ports");
        }
        property(properties, "com.sun.management.jmxremote.port", "JMX remote", reasons);
        property(properties, "com.sun.management.jmxremote.rmi.port", "JMX remote (RMI)", reasons);
        for (String argument : jvmArguments) {
            Matcher m = JDWP.matcher(argument);
            if (m.matches()) {
                Matcher address = ADDRESS.matcher(m.group(1));
                if (address.find()) {
                    putPort(address.group(1), "JDWP debugger", reasons);
                }
            }
        }
        return new ExcludedPorts(reasons);
    }

    private static void property(Map<?, ?> properties, String key, String reason, Map<Integer, String> out) {
        Object value = properties.get(key);
        if (value != null) {
            putPort(value.toString().trim(), reason, out);
        }
    }

    private static void putPort(String text, String reason, Map<Integer, String> out) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port > 0 && port <= 65535 && !out.containsKey(port)) {
                out.put(port, reason);
            }
        } catch (NumberFormatException e) {
            // not a fixed port (e.g. a name): nothing to exclude
        }
    }

    /** @return whether {@code port} is excluded */
    boolean contains(int port) {
        return reasons.containsKey(port);
    }

    /** @return the excluded ports, ordered */
    Set<Integer> ports() {
        return new TreeSet<Integer>(reasons.keySet());
    }

    @Override
    public String toString() {
        return reasons.toString();
    }
}
