package dev.runtruth.collector.expected.config;

import dev.runtruth.model.PathTemplate;
import java.util.Objects;

/**
 * Where a Spring Boot service serves the routes that Spring Boot itself adds (error page, static resources, webjars,
 * welcome page, actuator endpoints), as the build's configuration puts them ({@link SpringConfiguration#servicePaths}).
 * The default ignore rules of {@code check}, {@code probe} and {@code ladder} are rebased onto these paths
 * ({@code drift/IgnoreRules#defaults(ServicePaths)}), so a service under {@code /petclinic} or with actuator under
 * {@code /management} gets the same rules as one at the root.
 *
 * @param prefix         the path the framework's dispatcher serves under: {@code server.servlet.context-path} +
 *                       {@code spring.mvc.servlet.path} (Spring MVC), or {@code spring.webflux.base-path} (WebFlux);
 *                       {@code ""} at the root, else canonical without a trailing {@code /}, e.g. {@code /petclinic}
 * @param errorPath      Spring Boot's error controller: {@code prefix} + {@code server.error.path} (default
 *                       {@code /error})
 * @param managementBase Spring Boot Actuator's base path as clients request it: {@code prefix} +
 *                       {@code management.endpoints.web.base-path} (default {@code /actuator}); with a separate
 *                       management port, {@code management.server.base-path} + the endpoints' base path instead.
 *                       {@code ""} when the endpoints sit at the root ({@code base-path=/})
 */
public record ServicePaths(String prefix, String errorPath, String managementBase) {

    /** Spring Boot's defaults: everything at the root, {@code /error}, {@code /actuator}. */
    public static final ServicePaths DEFAULT = new ServicePaths("", "/error", "/actuator");

    /** Canonicalises every path ({@link PathTemplate#canonical}, no trailing {@code /}, the root as {@code ""}). */
    public ServicePaths {
        prefix = trim(Objects.requireNonNull(prefix, "prefix"));
        errorPath = trim(Objects.requireNonNull(errorPath, "errorPath"));
        managementBase = trim(Objects.requireNonNull(managementBase, "managementBase"));
    }

    /**
     * @param more a further prefix in front of every path, e.g. {@code check --path-prefix}'s; {@code null}, empty or
     *             {@code /} for none
     * @return these paths under {@code more}
     */
    public ServicePaths under(String more) {
        String extra = more == null ? "" : trim(more);
        if (extra.isEmpty()) {
            return this;
        }
        return new ServicePaths(extra + prefix, extra + errorPath, extra + managementBase);
    }

    /**
     * @param path a path or glob starting with {@code /}, such as {@code /webjars/**}; appended as it is
     * @return the path under {@link #prefix()}; {@code /} under {@code /ctx} is {@code /ctx}
     */
    public String inPrefix(String path) {
        return prefix.isEmpty() ? path : path.equals("/") ? prefix : prefix + path;
    }

    static String trim(String path) {
        if (path.isBlank()) {
            return "";
        }
        String canonical = PathTemplate.canonical(path.strip());
        return canonical.equals("/") ? "" : canonical.replaceAll("/+$", "");
    }
}
