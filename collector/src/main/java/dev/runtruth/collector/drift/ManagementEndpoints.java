package dev.runtruth.collector.drift;

import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.List;
import java.util.Set;

/**
 * The management endpoints of Spring Boot Actuator and Micronaut Management, by endpoint id, and which of them dump
 * the service's state or cost it work when requested: {@code probe} and {@code ladder} never request those (not even
 * with {@code --no-default-ignores}), whatever input lists them.
 *
 * <p>Sources: Spring Boot 3.5 / 4.0 reference, "Actuator: Endpoints" (the table of endpoint ids, plus {@code httptrace}
 * of Boot 2 and {@code jolokia}); Micronaut 4 "Management and Monitoring: Built-In Endpoints" ({@code beans},
 * {@code info}, {@code health}, {@code loggers}, {@code refresh}, {@code routes}, {@code env}, {@code threaddump},
 * {@code stop}, {@code caches}). Quarkus' management routes ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi})
 * describe the service without dumping its internals and are probed like any route.
 */
public final class ManagementEndpoints {

    /** Every Spring Boot Actuator web endpoint id (Boot 2.7 to 4.0). */
    public static final List<String> SPRING_BOOT = List.of("auditevents", "beans", "caches", "conditions",
            "configprops", "env", "flyway", "health", "heapdump", "httpexchanges", "httptrace", "info",
            "integrationgraph", "jolokia", "liquibase", "logfile", "loggers", "mappings", "metrics", "prometheus",
            "quartz", "sbom", "scheduledtasks", "sessions", "shutdown", "startup", "threaddump");

    /**
     * The endpoint ids whose answer is a dump of the process's state (heap, threads, environment and configuration
     * with their values, beans, loggers, sessions, caches, recorded requests, log file) or an action (shutdown, stop,
     * refresh): everything above but {@code health}, {@code info}, {@code metrics}, {@code prometheus} and
     * {@code mappings}, plus Micronaut's {@code routes}, {@code refresh} and {@code stop}.
     */
    public static final Set<String> STATE_DUMPS = Set.of("auditevents", "beans", "caches", "conditions",
            "configprops", "env", "flyway", "heapdump", "httpexchanges", "httptrace", "integrationgraph", "jolokia",
            "liquibase", "logfile", "loggers", "quartz", "sbom", "scheduledtasks", "sessions", "shutdown",
            "startup", "threaddump", "routes", "refresh", "stop");

    /** Handler class packages of management endpoints as the agent reports them (Boot 2-4, Micronaut 4). */
    private static final List<String> HANDLER_PACKAGES = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.webmvc.actuate.", "org.springframework.boot.webflux.actuate.",
            "org.springframework.boot.web.servlet.actuate.", "io.micronaut.management.");

    private ManagementEndpoints() {
    }

    /**
     * A route is a state-dumping management endpoint when its first segment below the management base path
     * ({@link ServicePaths#managementBase()}) is one of {@link #STATE_DUMPS}; or, whatever its path, when its handler
     * is a management endpoint's (a class of Spring Boot Actuator or Micronaut Management) and a segment of its path is
     * one of them (management served under a base path the build does not say, e.g. set on the command line).
     *
     * @param route a route to be requested
     * @param paths where the service serves actuator
     * @return the endpoint id when the route dumps state, else {@code null}
     */
    public static String stateDump(Route route, ServicePaths paths) {
        String template = PathTemplate.canonical(route.template());
        String base = paths.managementBase() + "/";
        if (template.startsWith(base)) {
            String id = template.substring(base.length()).split("/", 2)[0];
            if (STATE_DUMPS.contains(id)) {
                return id;
            }
        }
        String handler = route.handler() == null ? "" : route.handler();
        if (HANDLER_PACKAGES.stream().anyMatch(handler::startsWith)) {
            for (String segment : template.split("/")) {
                if (STATE_DUMPS.contains(segment)) {
                    return segment;
                }
            }
        }
        return null;
    }
}
