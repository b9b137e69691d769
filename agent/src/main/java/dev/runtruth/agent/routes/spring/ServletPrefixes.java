package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.model.PathTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The path prefixes under which a servlet's routes are requested: the context path followed by each of the servlet's
 * prefix mappings (Servlet spec 3.0+ {@code ServletRegistration#getMappings()}): {@code /} and {@code /*} add nothing,
 * {@code /api/*} adds {@code /api}.
 */
final class ServletPrefixes {

    private ServletPrefixes() {
    }

    /**
     * @param servlet the dispatcher servlet
     * @param context its {@code WebApplicationContext}
     * @return one or more prefixes, e.g. {@code ["/ctx/api"]}; {@code [""]} when nothing is known
     */
    static List<String> of(Object servlet, Object context) throws Exception {
        Object servletContext = Reflect.call(context, "getServletContext");
        if (servletContext == null) {
            return Collections.singletonList("");
        }
        String contextPath = String.valueOf(Reflect.call(servletContext, "getContextPath"));
        Collection<?> mappings = mappings(servlet, servletContext);
        if (mappings.isEmpty()) {
            return Collections.singletonList(contextPath);
        }
        List<String> prefixes = new ArrayList<String>();
        for (Object mapping : mappings) {
            String m = String.valueOf(mapping);
            String prefix;
            if (m.equals("/") || m.equals("/*") || m.isEmpty()) {
                prefix = "";
            } else if (m.endsWith("/*")) {
                prefix = m.substring(0, m.length() - 2);
            } else {
                AgentLog.warn("spring-webmvc.mapping", "dispatcher servlet mapping '" + m + "' is not a path prefix; "
                        + "its routes are reported without it");
                prefix = "";
            }
            String joined = PathTemplate.join(contextPath, prefix);
            prefixes.add(joined.equals("/") ? "" : joined);
        }
        return prefixes;
    }

    private static Collection<?> mappings(Object servlet, Object servletContext) throws Exception {
        Map<?, ?> registrations;
        try {
            registrations = (Map<?, ?>) Reflect.call(servletContext, "getServletRegistrations");
        } catch (Exception e) {
            return Collections.emptyList(); // a context that does not allow it, e.g. inside a listener
        }
        if (registrations == null) {
            return Collections.emptyList();
        }
        String className = servlet.getClass().getName();
        Object byName = null;
        List<Object> byClass = new ArrayList<Object>();
        String servletName = servletName(servlet);
        for (Map.Entry<?, ?> entry : registrations.entrySet()) {
            Object registration = entry.getValue();
            if (className.equals(Reflect.call(registration, "getClassName"))) {
                byClass.add(registration);
                if (entry.getKey().equals(servletName)) {
                    byName = registration;
                }
            }
        }
        Object registration = byName != null ? byName : byClass.size() == 1 ? byClass.get(0) : null;
        if (registration == null) {
            return Collections.emptyList();
        }
        Collection<?> mappings = (Collection<?>) Reflect.call(registration, "getMappings");
        return mappings == null ? Collections.emptyList() : mappings;
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
