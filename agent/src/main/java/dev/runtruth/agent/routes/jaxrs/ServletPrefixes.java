package dev.runtruth.agent.routes.jaxrs;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.model.PathTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The path prefixes under which a JAX-RS servlet serves its resources: the servlet context path followed by each of
 * the servlet's mappings (Servlet 3.0+ {@code ServletContext#getServletRegistration(name).getMappings()}, javax and
 * jakarta alike): {@code /} and {@code /*} add nothing, {@code /api/*} adds {@code /api}. A JAX-RS
 * {@code @ApplicationPath} reaches the servlet container as such a mapping (servlet container initializers of Jersey
 * and RESTEasy, Spring Boot's {@code JerseyAutoConfiguration}, RESTEasy's Undertow deployment).
 */
public final class ServletPrefixes {

    private ServletPrefixes() {
    }

    /**
     * @param servlet a {@code javax.servlet.GenericServlet} or {@code jakarta.servlet.GenericServlet}
     * @return one prefix per mapping, e.g. {@code ["/ctx/api"]}; {@code null} while the servlet is not initialised
     *         (no {@code ServletConfig} yet); {@code [""]} when the container does not tell
     * @throws Exception when the servlet API call fails
     */
    public static List<String> of(Object servlet) throws Exception {
        Object config = Reflect.call(servlet, "getServletConfig");
        if (config == null) {
            return null;
        }
        Object context = Reflect.call(config, "getServletContext");
        if (context == null) {
            return null;
        }
        String contextPath = String.valueOf(Reflect.call(context, "getContextPath"));
        Collection<?> mappings = mappings(context, (String) Reflect.call(config, "getServletName"));
        if (mappings.isEmpty()) {
            return Collections.singletonList(PathTemplate.join(contextPath).equals("/") ? "" : contextPath);
        }
        List<String> prefixes = new ArrayList<String>();
        for (Object mapping : mappings) {
            prefixes.add(prefix(contextPath, String.valueOf(mapping)));
        }
        return prefixes;
    }

    /**
     * @param contextPath the servlet context path, {@code ""} for the root
     * @param mapping     a servlet URL pattern, e.g. {@code /api/*}
     * @return the joined prefix without a trailing slash, {@code ""} for the root
     */
    public static String prefix(String contextPath, String mapping) {
        String prefix;
        if (mapping.equals("/") || mapping.equals("/*") || mapping.isEmpty()) {
            prefix = "";
        } else if (mapping.endsWith("/*")) {
            prefix = mapping.substring(0, mapping.length() - 2);
        } else {
            AgentLog.warn("jaxrs.mapping", "JAX-RS servlet mapping '" + mapping + "' is not a path prefix; "
                    + "its routes are reported without it");
            prefix = "";
        }
        String joined = PathTemplate.join(contextPath, prefix);
        return joined.equals("/") ? "" : joined;
    }

    private static Collection<?> mappings(Object servletContext, String servletName) {
        try {
            Object registration = servletName == null ? null : Reflect.call(servletContext, "getServletRegistration",
                    new Class<?>[] {String.class}, servletName);
            Object mappings = registration == null ? null : Reflect.call(registration, "getMappings");
            return mappings instanceof Collection ? (Collection<?>) mappings : Collections.emptyList();
        } catch (Exception e) {
            return Collections.emptyList(); // a container that refuses it outside initialisation
        }
    }
}
