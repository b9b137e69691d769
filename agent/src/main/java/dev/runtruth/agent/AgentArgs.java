package dev.runtruth.agent;

import dev.runtruth.agent.discovery.WalkBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's options. Immutable.
 *
 * <p>Each key can be given three ways; the first one present wins:
 * <ol>
 *   <li>the {@code -javaagent} argument string: {@code -javaagent:runtruth-agent.jar=port=9471,host=127.0.0.1};</li>
 *   <li>a system property {@code -Druntruth.<key>=value};</li>
 *   <li>an environment variable {@code RUNTRUTH_<KEY>=value} (key upper case).</li>
 * </ol>
 * Keys: {@code port} (default {@value #DEFAULT_PORT}; 0 picks a free port), {@code host} (bind address, default
 * {@value #DEFAULT_HOST}), {@code service} (default: derived from the application, see {@code ServiceName}),
 * {@code debug} ({@code true} prints debug lines); {@code auth}, {@code auth_file}, {@code tls_keystore},
 * {@code tls_password}, {@code max_routes}, {@code max_jars}: see {@link EndpointOptions}; {@code dump} (a file path:
 * the agent writes the route manifest there and rewrites it when the routes change, see {@code ManifestDump});
 * {@code ignore_ports} (comma-separated TCP ports the process listens on that are not HTTP services, e.g. cluster or
 * gossip ports: {@code ignore_ports=5701,9010}; they are left out of {@code runtruth_listener_info});
 * {@code discovery} ({@code on}, the default: hook-free where proven; {@code hooks}: the class transformer for every
 * family; {@code off}: no walk), {@code walk_objects}, {@code walk_array},
 * {@code walk_millis}: hook-free discovery's bounds, see {@link WalkBudget}.
 */
public final class AgentArgs {

    /** Default metrics port: outside the Prometheus exporter range 9100-9999, which is fully allocated. */
    public static final int DEFAULT_PORT = 7461;
    /** Default bind address: every interface, so Prometheus on another host or pod can scrape. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList("port", "host", "service", "debug",
            "classpath", "auth", "auth_file", "tls_keystore", "tls_password", "max_routes", "max_jars", "dump", "ignore_ports",
            "discovery", "walk_objects", "walk_array", "walk_millis"));

    /** Keys whose value is a comma-separated list: in the agent argument string its commas do not split pairs. */
    private static final List<String> LIST_KEYS = Collections.singletonList("ignore_ports");

    private final int port;
    private final String host;
    private final String service;
    private final boolean debug;
    private final boolean classpathDetail;
    private EndpointOptions endpoint = EndpointOptions.defaults();
    private String dump = "";
    private Set<Integer> ignorePorts = Collections.emptySet();
    private WalkBudget walk = WalkBudget.defaults();

    private AgentArgs(int port, String host, String service, boolean debug, boolean classpathDetail) {
        this.port = port;
        this.host = host;
        this.service = service;
        this.debug = debug;
        this.classpathDetail = classpathDetail;
    }

    /** @return the defaults: port {@value #DEFAULT_PORT}, host {@value #DEFAULT_HOST}, derived service name */
    public static AgentArgs defaults() {
        return new AgentArgs(DEFAULT_PORT, DEFAULT_HOST, "", false, true);
    }

    /**
     * Parses the {@code -javaagent} argument string alone.
     *
     * @param agentArgs {@code key=value} pairs separated by {@code ,}; {@code null} or empty means defaults
     * @return the options
     * @throws ConfigurationException naming every bad pair: unknown key, missing {@code =}, bad port
     */
    public static AgentArgs parse(String agentArgs) throws ConfigurationException {
        return resolve(agentArgs, Collections.<String, String>emptyMap(), Collections.<String, String>emptyMap());
    }

    /**
     * Resolves the options from all three sources (see the class comment for precedence).
     *
     * @param agentArgs  the {@code -javaagent} argument string, may be {@code null}
     * @param properties system properties ({@code runtruth.<key>})
     * @param env        environment variables ({@code RUNTRUTH_<KEY>})
     * @return the options
     * @throws ConfigurationException naming every bad input; its {@code usable()} holds defaults in their place
     */
    public static AgentArgs resolve(String agentArgs, Map<?, ?> properties, Map<String, String> env)
            throws ConfigurationException {
        List<String> problems = new ArrayList<String>();
        Map<String, String> given = splitPairs(agentArgs, problems);
        Map<String, String> values = new LinkedHashMap<String, String>();
        for (String key : KEYS) {
            String value = given.get(key);
            if (value == null) {
                Object property = properties.get("runtruth." + key);
                value = property == null ? null : property.toString();
            }
            if (value == null) {
                value = env.get("RUNTRUTH_" + key.toUpperCase(Locale.ROOT));
            }
            if (value != null) {
                values.put(key, value.trim());
            }
        }
        AgentArgs defaults = defaults();
        int port = defaults.port;
        if (values.containsKey("port")) {
            try {
                port = Integer.parseInt(values.get("port"));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add("port='" + values.get("port") + "' is not a port number (0-65535)");
                port = defaults.port;
            }
        }
        String host = values.containsKey("host") && !values.get("host").isEmpty() ? values.get("host") : defaults.host;
        String service = values.containsKey("service") ? values.get("service") : defaults.service;
        boolean debug = "true".equalsIgnoreCase(values.get("debug"));
        boolean classpathDetail = true;
        String classpath = values.get("classpath");
        if (classpath != null && !"jars".equalsIgnoreCase(classpath)) {
            if ("off".equalsIgnoreCase(classpath)) {
                classpathDetail = false;
            } else {
                problems.add("classpath='" + classpath + "' is not 'jars' or 'off'");
            }
        }
        AgentArgs args = new AgentArgs(port, host, service, debug, classpathDetail);
        args.endpoint = EndpointOptions.parse(values, problems);
        args.dump = values.containsKey("dump") ? values.get("dump") : "";
        args.ignorePorts = ports("ignore_ports", values.get("ignore_ports"), problems);
        args.walk = WalkBudget.parse(values, problems);
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("bad agent options: ");
            for (int i = 0; i < problems.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(problems.get(i));
            }
            throw new ConfigurationException(message.toString(), args);
        }
        return args;
    }

    private static Set<Integer> ports(String key, String value, List<String> problems) {
        Set<Integer> ports = new TreeSet<Integer>();
        if (value == null) {
            return Collections.unmodifiableSet(ports);
        }
        for (String part : value.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                int port = Integer.parseInt(trimmed);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(port);
            } catch (NumberFormatException e) {
                problems.add(key + "='" + value + "': '" + trimmed + "' is not a port number (1-65535)");
            }
        }
        return Collections.unmodifiableSet(ports);
    }

    private static Map<String, String> splitPairs(String agentArgs, List<String> problems) {
        Map<String, String> pairs = new LinkedHashMap<String, String>();
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return pairs;
        }
        String listKey = null;
        for (String pair : agentArgs.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0 && listKey != null) {
                // ignore_ports=5701,9010: the split cut the list, the piece belongs to the previous value
                pairs.put(listKey, pairs.get(listKey) + "," + trimmed);
                continue;
            }
            listKey = null;
            if (eq <= 0) {
                problems.add("'" + trimmed + "' is not key=value");
                continue;
            }
            String key = trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                problems.add("unknown option '" + key + "' (known: " + KEYS + ")");
                continue;
            }
            pairs.put(key, trimmed.substring(eq + 1));
            listKey = LIST_KEYS.contains(key) ? key : null;
        }
        return pairs;
    }

    /** @return the TCP port of the metrics endpoint; 0 means any free port */
    public int port() {
        return port;
    }

    /** @return the bind address of the metrics endpoint, e.g. {@code 0.0.0.0} or {@code 127.0.0.1} */
    public String host() {
        return host;
    }

    /** @return the service name given by the user, or empty to derive it from the application */
    public String service() {
        return service;
    }

    /**
     * @return whether one {@code runtruth_classpath_entry_info} series per loaded jar is exported ({@code classpath=jars},
     *         the default); {@code false} for {@code classpath=off}, which keeps only the {@code
     *         runtruth_classpath_entries} count
     */
    public boolean classpathDetail() {
        return classpathDetail;
    }

    /**
     * @return auth, TLS and series caps of the metrics endpoint (keys {@code auth}, {@code auth_file}, {@code
     *         tls_keystore}, {@code tls_password}, {@code max_routes}, {@code max_jars}); see {@link EndpointOptions}
     */
    public EndpointOptions endpoint() {
        return endpoint;
    }

    /**
     * @return the file the route manifest is written to (option {@code dump}, format {@code runtruth-manifest/1},
     *         {@code docs/manifest.md}), or empty for none
     */
    public String dump() {
        return dump;
    }

    /**
     * @return the TCP ports the user says are not HTTP services (option {@code ignore_ports}), ordered; they are left
     *         out of {@code runtruth_listener_info}; empty by default
     */
    public Set<Integer> ignorePorts() {
        return ignorePorts;
    }

    /**
     * @return hook-free discovery's switch and bounds (keys {@code discovery}, {@code walk_objects}, {@code
     *         walk_array}, {@code walk_millis}); see {@link WalkBudget}
     */
    public WalkBudget walk() {
        return walk;
    }

    /** @return whether debug lines are printed */
    public boolean debug() {
        return debug;
    }

    @Override
    public String toString() {
        return "port=" + port + ",host=" + host + ",service=" + service + ",classpath=" + (classpathDetail ? "jars" : "off")
                + "," + endpoint + "," + walk + (ignorePorts.isEmpty() ? "" : ",ignore_ports=" + ignorePorts);
    }
}
