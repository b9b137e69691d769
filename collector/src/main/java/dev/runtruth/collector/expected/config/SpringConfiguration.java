package dev.runtruth.collector.expected.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.SafeDocumentParser;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Spring Boot configuration a build output carries, as far as routes depend on it: {@code application.properties}
 * and {@code application.yml}/{@code .yaml} at the classpath root and in {@code config/}, and their profile-specific
 * variants, read with Spring Boot 2.4+'s precedence (highest last):
 * <ol>
 *   <li>{@code application.yml}, {@code application.yaml}, {@code application.properties} (a {@code .properties}
 *       file wins over a YAML file of the same location);</li>
 *   <li>the same in {@code config/};</li>
 *   <li>{@code application-<profile>.*}, then {@code config/application-<profile>.*}, per active profile in order.</li>
 * </ol>
 * Active profiles: those given (the CLI's {@code --profile}); else {@code spring.profiles.active} from the files
 * above; else {@code default}. A YAML document with {@code spring.config.activate.on-profile} (or the pre-2.4
 * {@code spring.profiles}) applies only when one of its profiles ({@code !p} negates) is active. YAML is flattened to
 * Boot's property names ({@code a.b[0].c}).
 *
 * <p>Not seen, because a build output does not hold them: environment variables, system properties, command-line
 * arguments, {@code spring.config.import}, external config files. A route that depends on one of them gets a wildcard
 * segment and a warning ({@link PlaceholderResolver}).
 */
public final class SpringConfiguration {

    /** Servlet context path, Spring Boot {@code server.servlet.context-path}. */
    public static final String CONTEXT_PATH = "server.servlet.context-path";
    /** Dispatcher servlet path, Spring Boot {@code spring.mvc.servlet.path}. */
    public static final String SERVLET_PATH = "spring.mvc.servlet.path";
    /** WebFlux base path, Spring Boot {@code spring.webflux.base-path}. */
    public static final String WEBFLUX_BASE_PATH = "spring.webflux.base-path";
    /** Jersey servlet path, Spring Boot {@code spring.jersey.application-path} (wins over {@code @ApplicationPath}). */
    public static final String JERSEY_APPLICATION_PATH = "spring.jersey.application-path";
    /** Quarkus' HTTP root path, {@code quarkus.http.root-path}: before every route of a Quarkus application. */
    public static final String QUARKUS_ROOT_PATH = "quarkus.http.root-path";
    /**
     * Quarkus' JAX-RS path when no {@code @ApplicationPath} is declared: {@code quarkus.rest.path} (Quarkus REST, 3.x),
     * {@code quarkus.resteasy-reactive.path} (2.x), {@code quarkus.resteasy.path} (RESTEasy Classic).
     */
    public static final List<String> QUARKUS_REST_PATHS = List.of("quarkus.rest.path",
            "quarkus.resteasy-reactive.path", "quarkus.resteasy.path");

    /** Spring Boot's error controller path, {@code server.error.path} (default {@code /error}). */
    public static final String ERROR_PATH = "server.error.path";
    /** Actuator's web endpoints base path, {@code management.endpoints.web.base-path} (default {@code /actuator}). */
    public static final String MANAGEMENT_BASE_PATH = "management.endpoints.web.base-path";
    /** Actuator on its own port, {@code management.server.port}. */
    public static final String MANAGEMENT_PORT = "management.server.port";
    /** The management server's own prefix (Boot 3+ {@code management.server.base-path}; Boot 2 used
     * {@code management.server.servlet.context-path}), applied only with a separate {@link #MANAGEMENT_PORT}. */
    public static final String MANAGEMENT_SERVER_BASE_PATH = "management.server.base-path";
    private static final String MANAGEMENT_SERVER_CONTEXT_PATH = "management.server.servlet.context-path";

    private static final List<String> ROOTS = List.of("", "BOOT-INF/classes/", "WEB-INF/classes/");

    private final Map<String, String> properties;
    private final List<String> profiles;
    private final List<String> files;

    private SpringConfiguration(Map<String, String> properties, List<String> profiles, List<String> files) {
        this.properties = properties;
        this.profiles = List.copyOf(profiles);
        this.files = List.copyOf(files);
    }

    /** @return a configuration without any property, profile {@code default} */
    public static SpringConfiguration empty() {
        return new SpringConfiguration(Map.of(), List.of("default"), List.of());
    }

    /**
     * Reads the configuration files of a build output.
     *
     * @param resource returns the bytes of a file of the build output by its name inside it (e.g.
     *                 {@code BOOT-INF/classes/application.yml}), or {@code null} when there is none
     * @param display  names the build output in warnings
     * @param profiles the profiles to activate, in order; empty to use {@code spring.profiles.active} or
     *                 {@code default}
     * @param warnings receives one line per file that cannot be parsed (it is skipped)
     * @return the merged configuration
     */
    public static SpringConfiguration read(Function<String, byte[]> resource, String display, List<String> profiles,
            Consumer<String> warnings) {
        String root = ROOTS.stream().filter(r -> hasAnyConfig(resource, r)).findFirst().orElse("");
        List<String> files = new ArrayList<>();
        Map<String, String> base = new LinkedHashMap<>();
        for (String dir : List.of("", "config/")) {
            load(resource, display, root + dir + "application", List.of(), base, files, w -> {
            }); // read again below, where problems are reported
        }
        List<String> active = new ArrayList<>(profiles);
        if (active.isEmpty()) {
            String fromFiles = base.get("spring.profiles.active");
            active.addAll(fromFiles == null ? List.of("default") : split(fromFiles));
        }
        // profile-specific YAML documents inside application.yml apply too: read the base files again with profiles
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        for (String dir : List.of("", "config/")) {
            load(resource, display, root + dir + "application", active, merged, used, warnings);
        }
        for (String profile : active) {
            for (String dir : List.of("", "config/")) {
                load(resource, display, root + dir + "application-" + profile, active, merged, used, warnings);
            }
        }
        return new SpringConfiguration(merged, active, used);
    }

    /**
     * @param key a property name in Boot's canonical form, e.g. {@code server.servlet.context-path}
     * @return its value, or {@code null} when no file sets it
     */
    public String property(String key) {
        return properties.get(key);
    }

    /** @return the active profiles, e.g. {@code [default]} */
    public List<String> profiles() {
        return profiles;
    }

    /** @return the files read, in precedence order (lowest first), e.g. {@code BOOT-INF/classes/application.yml} */
    public List<String> files() {
        return files;
    }

    /**
     * @param framework the framework value of a route, e.g. {@code spring-webmvc}
     * @return the path prefixes the configuration puts before that framework's routes, in request order: context
     *         path and servlet path for {@code spring-webmvc}, the base path for {@code spring-webflux}, the context
     *         path and Quarkus' {@value #QUARKUS_ROOT_PATH} for {@code jaxrs} (the Jersey application path replaces
     *         {@code @ApplicationPath}, see {@link #jerseyApplicationPath()}); empty for other frameworks
     */
    public List<String> prefixes(String framework) {
        return switch (framework) {
            case "spring-webmvc" -> nonEmpty(CONTEXT_PATH, SERVLET_PATH);
            case "spring-webflux" -> nonEmpty(WEBFLUX_BASE_PATH);
            case "jaxrs" -> nonEmpty(CONTEXT_PATH, QUARKUS_ROOT_PATH);
            default -> List.of();
        };
    }

    /**
     * @param route a route as the bytecode declares it
     * @return the route with {@link #prefixes(String) the prefixes of its framework} in front
     */
    public Route withPrefixes(Route route) {
        List<String> prefixes = prefixes(route.framework());
        if (prefixes.isEmpty()) {
            return route;
        }
        List<String> parts = new ArrayList<>(prefixes);
        parts.add(route.template());
        return Route.of(route.method(), PathTemplate.join(parts.toArray(String[]::new)), route.framework(),
                route.handler());
    }

    /**
     * Where Spring Boot's own routes are served, from the properties of this configuration; a property that is unset,
     * blank or holds a {@code ${...}} placeholder counts as unset (Spring Boot's default applies).
     *
     * @param reactive whether the build is a WebFlux application (the prefix is then {@value #WEBFLUX_BASE_PATH},
     *                 else {@value #CONTEXT_PATH} + {@value #SERVLET_PATH})
     * @return the paths; {@link ServicePaths#DEFAULT} for a build that sets none of these properties
     */
    public ServicePaths servicePaths(boolean reactive) {
        String prefix = String.join("", reactive ? plain(WEBFLUX_BASE_PATH) : plain(CONTEXT_PATH, SERVLET_PATH));
        String error = String.join("", plain(ERROR_PATH));
        List<String> base = plain(MANAGEMENT_BASE_PATH);
        String endpoints = base.isEmpty() ? "/actuator" : base.get(0);
        String managementPort = properties.get(MANAGEMENT_PORT);
        boolean ownPort = managementPort != null && !managementPort.isBlank() && !managementPort.contains("${")
                && !managementPort.strip().equals(properties.getOrDefault("server.port", "8080").strip());
        String management = ownPort
                ? String.join("", plain(MANAGEMENT_SERVER_BASE_PATH, MANAGEMENT_SERVER_CONTEXT_PATH)) + endpoints
                : prefix + endpoints;
        return new ServicePaths(prefix, prefix + (error.isEmpty() ? "/error" : error), management);
    }

    /**
     * @return Quarkus' JAX-RS path ({@link #QUARKUS_REST_PATHS}, the first set), which applies when the application
     *         declares no {@code @ApplicationPath}; {@code null} when none is set
     */
    public String quarkusRestPath() {
        List<String> path = nonEmpty(QUARKUS_REST_PATHS.toArray(String[]::new));
        return path.isEmpty() ? null : path.get(0);
    }

    /** @return the non-blank values of {@code keys} that hold no placeholder, canonical, without a trailing '/' */
    private List<String> plain(String... keys) {
        List<String> out = new ArrayList<>();
        for (String value : nonEmpty(keys)) {
            if (!value.contains("${")) {
                out.add(ServicePaths.trim(value));
            }
        }
        return out;
    }

    /**
     * @return Spring Boot's Jersey servlet path ({@value #JERSEY_APPLICATION_PATH}, which Boot uses instead of the
     *         application's {@code @ApplicationPath} when set) without a trailing {@code /*}, or {@code null}
     */
    public String jerseyApplicationPath() {
        List<String> path = nonEmpty(JERSEY_APPLICATION_PATH);
        return path.isEmpty() ? null : path.get(0);
    }

    private List<String> nonEmpty(String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String value = properties.get(key);
            if (value != null && !value.isBlank()) {
                // a servlet mapping such as /api/* names the prefix /api
                String path = value.strip();
                out.add(path.endsWith("/*") ? path.substring(0, path.length() - 2) : path);
            }
        }
        return out;
    }

    private static boolean hasAnyConfig(Function<String, byte[]> resource, String root) {
        for (String name : List.of("application.properties", "application.yml", "application.yaml",
                "config/application.properties", "config/application.yml", "config/application.yaml")) {
            if (resource.apply(root + name) != null) {
                return true;
            }
        }
        return false;
    }

    private static void load(Function<String, byte[]> resource, String display, String stem, List<String> active,
            Map<String, String> into, List<String> used, Consumer<String> warnings) {
        for (String extension : List.of(".yml", ".yaml", ".properties")) {
            String name = stem + extension;
            byte[] bytes = resource.apply(name);
            if (bytes == null) {
                continue;
            }
            try {
                if (extension.equals(".properties")) {
                    Properties props = new Properties();
                    props.load(new ByteArrayInputStream(bytes));
                    props.stringPropertyNames().forEach(k -> into.put(k, props.getProperty(k)));
                } else {
                    for (JsonNode document : SafeDocumentParser.parse(bytes, false, display + "!/" + name)) {
                        Map<String, String> flat = new LinkedHashMap<>();
                        flatten("", document, flat);
                        if (appliesTo(flat, active)) {
                            into.putAll(flat);
                        }
                    }
                }
                used.add(name);
            } catch (InputException | IOException | IllegalArgumentException e) {
                warnings.accept(display + "!/" + name + ": cannot be read (" + e.getMessage() + "); ignored");
            }
        }
    }

    /** Does a YAML document apply to the active profiles? {@code active} empty: only documents without a condition. */
    private static boolean appliesTo(Map<String, String> document, List<String> active) {
        String condition = document.get("spring.config.activate.on-profile");
        if (condition == null) {
            condition = document.get("spring.profiles");
        }
        if (condition == null) {
            return true;
        }
        for (String profile : split(condition)) {
            boolean negated = profile.startsWith("!");
            String name = negated ? profile.substring(1).strip() : profile;
            if (active.contains(name) != negated) {
                return true;
            }
        }
        return false;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + '.' + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + '[' + i + ']', node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
