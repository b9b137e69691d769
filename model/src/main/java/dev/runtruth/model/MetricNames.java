package dev.runtruth.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract between the agent and everything that reads it: the names of the metrics the agent exports and of
 * their labels. The agent's exporters, the collector's readers (a scrape of the agent, Prometheus' HTTP API) and the
 * shipped alert rules use these names; {@code docs/metrics.md} documents them.
 *
 * <p>Names follow Prometheus' naming practices: an {@code _info} gauge has the value 1 and carries its facts in labels;
 * a counter's samples end in {@code _total}; units are base units. The constants ending in {@code _FAMILY} are the
 * family names a client library is given (client_java adds {@code _info} or {@code _total}); the others are the
 * sample names as they appear in the text exposition.
 */
public final class MetricNames {

    /**
     * {@code runtruth_route_info{framework,method,route,handler,port} 1}: one registered HTTP route; {@code port} is
     * empty for a route on the application's listener(s), else the port(s) of the separate listener that serves it
     * ({@link Route#port()}).
     */
    public static final String ROUTE_INFO = "runtruth_route_info";
    /** Family name of {@link #ROUTE_INFO}. */
    public static final String ROUTE_FAMILY = "runtruth_route";
    /** {@code runtruth_routes{framework}}: the number of routes per framework. */
    public static final String ROUTES = "runtruth_routes";
    /** {@code runtruth_build_info{service,version,commit,branch,build_time} 1}: the running build. */
    public static final String BUILD_INFO = "runtruth_build_info";
    /** Family name of {@link #BUILD_INFO}. */
    public static final String BUILD_FAMILY = "runtruth_build";
    /** {@code runtruth_agent_info{version} 1}: the agent itself. */
    public static final String AGENT_INFO = "runtruth_agent_info";
    /** Family name of {@link #AGENT_INFO}. */
    public static final String AGENT_FAMILY = "runtruth_agent";
    /** {@code runtruth_capture_errors_total}: failures swallowed inside the agent's capture code. */
    public static final String CAPTURE_ERRORS_TOTAL = "runtruth_capture_errors_total";
    /** Family name of {@link #CAPTURE_ERRORS_TOTAL}. */
    public static final String CAPTURE_ERRORS_FAMILY = "runtruth_capture_errors";
    /**
     * {@code runtruth_framework_info{framework,version,state,reason} 1}: a web framework present in the process and
     * whether the agent could read its routes; {@code state} is a {@link FrameworkState} label.
     */
    public static final String FRAMEWORK_INFO = "runtruth_framework_info";
    /** Family name of {@link #FRAMEWORK_INFO}. */
    public static final String FRAMEWORK_FAMILY = "runtruth_framework";
    /**
     * {@code runtruth_listener_info{address,port,state} 1}: a TCP port the process accepts connections on (the
     * agent's own endpoint, JMX, JDWP and {@code ignore_ports} left out); {@code state} is a {@link ListenerState}
     * label.
     */
    public static final String LISTENER_INFO = "runtruth_listener_info";
    /** Family name of {@link #LISTENER_INFO}. */
    public static final String LISTENER_FAMILY = "runtruth_listener";
    /**
     * {@code runtruth_listener_discovery_available}: 1 when the agent can read the ports the process listens on
     * (Linux procfs), 0 when it cannot; then there is no {@link #LISTENER_INFO} and the agent cannot tell.
     */
    public static final String LISTENER_DISCOVERY_AVAILABLE = "runtruth_listener_discovery_available";
    /** {@code runtruth_agent_premain_duration_seconds}: the time the agent spent in {@code premain}, seconds. */
    public static final String AGENT_PREMAIN_DURATION_SECONDS = "runtruth_agent_premain_duration_seconds";
    /** {@code runtruth_series_dropped_total{family}}: series of a capped info family left out of scrapes. */
    public static final String SERIES_DROPPED_TOTAL = "runtruth_series_dropped_total";
    /** Family name of {@link #SERIES_DROPPED_TOTAL}. */
    public static final String SERIES_DROPPED_FAMILY = "runtruth_series_dropped";

    /**
     * {@code runtruth_classpath_entry_info{artifact,name,version,sha256,location,kind} 1}: one jar or class directory
     * whose classes are loaded. {@link #ARTIFACT} is the identity to compare across instances; {@link #NAME} is for
     * people.
     */
    public static final String CLASSPATH_ENTRY_INFO = "runtruth_classpath_entry_info";
    /** Family name of {@link #CLASSPATH_ENTRY_INFO}. */
    public static final String CLASSPATH_ENTRY_FAMILY = "runtruth_classpath_entry";
    /** {@code runtruth_classpath_entries}: the number of loaded jars and class directories. */
    public static final String CLASSPATH_ENTRIES = "runtruth_classpath_entries";
    /**
     * {@code runtruth_inventory_info{state,reason} 1}: whether the agent's inventory (routes, classpath) is complete,
     * that is whether the frameworks it follows finished starting; {@code state} is an {@link InventoryState} label.
     */
    public static final String INVENTORY_INFO = "runtruth_inventory_info";
    /** Family name of {@link #INVENTORY_INFO}. */
    public static final String INVENTORY_FAMILY = "runtruth_inventory";

    /** Label: the framework family ({@code spring-webmvc}, {@code jaxrs}, ...) or framework name. */
    public static final String FRAMEWORK = "framework";
    /** Label: the HTTP method, upper case; {@code *} for any. */
    public static final String METHOD = "method";
    /** Label: the path template in the form of {@link PathTemplate#canonical(String)}. */
    public static final String ROUTE = "route";
    /** Label: the handler (class and method) that serves a route; empty when unknown. */
    public static final String HANDLER = "handler";
    /** Label: a version (of the framework, of the agent, of the build). */
    public static final String VERSION = "version";
    /** Label of {@link #FRAMEWORK_INFO} and of {@link #LISTENER_INFO}: a {@link FrameworkState}, a {@link ListenerState}. */
    public static final String STATE = "state";
    /** Label of {@link #FRAMEWORK_INFO}: why the state is not {@code captured}; one line, empty when it is. */
    public static final String REASON = "reason";
    /** Label of {@link #BUILD_INFO}: the service name the agent was given or found. */
    public static final String SERVICE = "service";
    /** Label of {@link #BUILD_INFO}: the full commit id, empty when the build recorded none. */
    public static final String COMMIT = "commit";
    /** Label of {@link #BUILD_INFO}: the branch the build was made from. */
    public static final String BRANCH = "branch";
    /** Label of {@link #BUILD_INFO}: when the build was made, as the build recorded it. */
    public static final String BUILD_TIME = "build_time";

    /** Label of {@link #LISTENER_INFO}: the bound address ({@code ::}, {@code 0.0.0.0}, {@code 127.0.0.1}). */
    public static final String ADDRESS = "address";
    /**
     * Label of {@link #LISTENER_INFO}: the TCP port, decimal. Label of {@link #ROUTE_INFO}: empty for a route served
     * on the application's listener(s), else the port(s) of the separate administration or management listener that
     * serves it, ascending, joined by {@code ,} ({@link Route#port()}).
     */
    public static final String PORT = "port";

    /**
     * Label of {@link #CLASSPATH_ENTRY_INFO}: what the jar is, the same on every instance that loads a build of it:
     * {@code groupId:artifactId} from the jar's {@code META-INF/maven/.../pom.properties}
     * ({@code org.springframework:spring-core}), else the file name without version and extension
     * ({@code tomcat-embed-core} for {@code tomcat-embed-core-11.0.18.jar}, which carries no pom.properties);
     * {@code ""} for a class directory.
     */
    public static final String ARTIFACT = "artifact";
    /**
     * Label of {@link #CLASSPATH_ENTRY_INFO}: a readable name (artifactId, else the manifest's
     * {@code Implementation-Title}, which several artifacts may share, e.g. {@code Apache Tomcat}). Not an identity.
     */
    public static final String NAME = "name";
    /** Label of {@link #CLASSPATH_ENTRY_INFO}: lowercase hex SHA-256 of the jar's bytes, {@code ""} for a directory. */
    public static final String SHA256 = "sha256";
    /** Label of {@link #CLASSPATH_ENTRY_INFO}: where the jar or directory is, e.g. {@code /app.jar!/BOOT-INF/lib/x.jar}. */
    public static final String LOCATION = "location";
    /** Label of {@link #CLASSPATH_ENTRY_INFO}: {@code jar}, {@code nested-jar} or {@code directory}. */
    public static final String KIND = "kind";
    /** Label of {@link #SERIES_DROPPED_TOTAL}: the capped family ({@code runtruth_route_info}, ...). */
    public static final String FAMILY = "family";

    /**
     * Every sample name the agent exports, with the labels its series carry, in the agent's order. This is the
     * contract in one table: the agent's exporters write these names, the collector reads them, and the tests hold
     * the shipped alert rules and dashboard (only these names and labels) and the real agent's scrape (all of them)
     * against it.
     */
    public static final Map<String, List<String>> SAMPLES = samples();

    private static Map<String, List<String>> samples() {
        Map<String, List<String>> m = new LinkedHashMap<String, List<String>>();
        m.put(ROUTE_INFO, labels(FRAMEWORK, METHOD, ROUTE, HANDLER, PORT));
        m.put(ROUTES, labels(FRAMEWORK));
        m.put(BUILD_INFO, labels(SERVICE, VERSION, COMMIT, BRANCH, BUILD_TIME));
        m.put(AGENT_INFO, labels(VERSION));
        m.put(CAPTURE_ERRORS_TOTAL, labels());
        m.put(AGENT_PREMAIN_DURATION_SECONDS, labels());
        m.put(FRAMEWORK_INFO, labels(FRAMEWORK, VERSION, STATE, REASON));
        m.put(LISTENER_INFO, labels(ADDRESS, PORT, STATE));
        m.put(LISTENER_DISCOVERY_AVAILABLE, labels());
        m.put(CLASSPATH_ENTRY_INFO, labels(ARTIFACT, NAME, VERSION, SHA256, LOCATION, KIND));
        m.put(CLASSPATH_ENTRIES, labels());
        m.put(SERIES_DROPPED_TOTAL, labels(FAMILY));
        m.put(INVENTORY_INFO, labels(STATE, REASON));
        return Collections.unmodifiableMap(m);
    }

    private static List<String> labels(String... names) {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    private MetricNames() {
    }
}
