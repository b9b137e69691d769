package dev.runtruth.agent.routes;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.model.PathTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The path prefixes under which a framework's dispatcher servlet (Spring's {@code DispatcherServlet}, Jersey's
 * {@code ServletContainer}, RESTEasy's {@code HttpServletDispatcher}, ...) serves its routes: the context path
 * followed by each of the servlet's prefix mappings (Servlet 3.0+ {@code ServletRegistration#getMappings()}):
 * {@code /} and {@code /*} add nothing, {@code /api/*} adds {@code /api}. javax and jakarta alike (called by name).
 */
public final class ServletPrefixes {

    private ServletPrefixes() {
    }

    /**
     * For an initialised servlet: its own {@code ServletConfig} names its context and registration.
     *
     * @param servlet a {@code javax.servlet.GenericServlet} or {@code jakarta.servlet.GenericServlet}
     * @return one prefix per mapping, e.g. {@code ["/ctx/api"]}; {@code null} while the servlet is not initialised
     * @throws Exception when a Servlet API call fails
     */
    public static List<String> ofInitialised(Object servlet) throws Exception {
        Object config = Reflect.call(servlet, "getServletConfig");
        Object context = config == null ? null : Reflect.call(config, "getServletContext");
        return context == null ? null : of(servlet, context);
    }

    /**
     * For a servlet that may not be initialised yet: its registration is found by servlet name when known, else as
     * the only registration of the servlet's class.
     *
     * @param servlet        the dispatcher servlet
     * @param servletContext its {@code ServletContext}, or {@code null} when unknown
     * @return one or more prefixes, e.g. {@code ["/ctx/api"]}; {@code [contextPath]} or {@code [""]} when the
     *         container does not tell
     * @throws Exception when a Servlet API call fails
     */
    public static List<String> of(Object servlet, Object servletContext) throws Exception {
        if (servletContext == null) {
            return Collections.singletonList("");
        }
        String contextPath = String.valueOf(Reflect.call(servletContext, "getContextPath"));
        Collection<?> mappings = mappings(servlet, servletContext);
        if (mappings.isEmpty()) {
            return Collections.singletonList(prefix(contextPath, "/"));
        }
        List<String> prefixes = new ArrayList<String>();
        for (Object mapping : mappings) {
            prefixes.add(prefix(contextPath, String.valueOf(mapping)));
        }
        return prefixes;
    }

    /**
     * @param contextPath the servlet context path, {@code ""} for the root
     * @param mapping     a servlet url-pattern, e.g. {@code /api/*}
     * @return the joined prefix without a trailing slash, {@code ""} for the root; a mapping that is not a path
     *         prefix (exact or extension) adds nothing, with one warning
     */
    public static String prefix(String contextPath, String mapping) {
        String prefix;
        if (mapping.equals("/") || mapping.equals("/*") || mapping.isEmpty()) {
            prefix = "";
        } else if (mapping.endsWith("/*")) {
            prefix = mapping.substring(0, mapping.length() - 2);
        } else {
            AgentLog.warn("servlet.mapping", "dispatcher servlet mapping '" + mapping + "' is not a path prefix; "
                    + "its routes are reported without it");
            prefix = "";
        }
        String joined = PathTemplate.join(contextPath, prefix);
        return joined.equals("/") ? "" : joined;
    }

    private static Collection<?> mappings(Object servlet, Object servletContext) throws Exception {
        Map<?, ?> registrations;
        try {
            registrations = (Map<?, ?>) Reflect.call(servletContext, "getServletRegistrations");
        } catch (Exception e) {
            return Collections.emptyList(); // a container that refuses it outside initialisation
        }
        if (registrations == null) {
            return Collections.emptyList();
        }
        String className = servlet.getClass().getName();
        String servletName = servletName(servlet);
        Object byName = servletName == null ? null : registrations.get(servletName);
        List<Object> byClass = new ArrayList<Object>();
        for (Object registration : registrations.values()) {
            if (className.equals(Reflect.call(registration, "getClassName"))) {
                byClass.add(registration);
            }
        }
        Object registration = byName != null ? byName : byClass.size() == 1 ? byClass.get(0) : null;
        Object mappings = registration == null ? null : Reflect.call(registration, "getMappings");
        return mappings instanceof Collection ? (Collection<?>) mappings : Collections.emptyList();
    }

    private static String servletName(Object servlet) {
        try {
            Object config = Reflect.call(servlet, "getServletConfig");
            return config == null ? null : (String) Reflect.call(config, "getServletName");
        } catch (Exception e) {
            return null;
        }
    }
}
