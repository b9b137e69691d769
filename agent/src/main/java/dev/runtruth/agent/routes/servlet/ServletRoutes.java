package dev.runtruth.agent.routes.servlet;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.LayeredRouteSource;
import dev.runtruth.agent.routes.RouteRegistry;
import dev.runtruth.model.Route;
import dev.runtruth.model.ServletUrlPattern;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The servlet mappings of every started servlet context of one container kind, read at scrape time through the
 * standard Servlet API (3.0+, {@code javax.servlet} and {@code jakarta.servlet} alike, by method name):
 * {@code ServletContext#getContextPath()}, {@code #getServletRegistrations()}, and per registration
 * {@code ServletRegistration#getClassName()} and {@code #getMappings()}. Servlets registered by annotation,
 * {@code web.xml} or {@code ServletContext#addServlet} all appear there, as do servlets the container adds itself
 * (Tomcat's {@code default} and {@code jsp}, Undertow's {@code default}).
 *
 * <p>One route per url-pattern: method {@code *}, template {@link ServletUrlPattern#toTemplate(String, String)},
 * handler the servlet class name. Left out: registrations without a mapping (unreachable), a framework's dispatcher
 * servlet when that framework's own capture reports routes ({@link FrameworkDispatchers}), and Jetty's
 * {@code Default404Servlet}, the placeholder Jetty maps to {@code /} when nothing else is, which only answers 404.
 * Dropwizard's admin context is read as {@link DropwizardAdmin} says: its tasks as {@code POST} routes, its routes
 * with the admin connector's port.
 */
public final class ServletRoutes implements LayeredRouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "servlet";

    private static final String JETTY_404_SUFFIX = ".ServletHandler$Default404Servlet"; // Jetty 9.4-12.1

    private final ContainerContexts contexts;

    /** @param contexts the remembered contexts of one container kind */
    public ServletRoutes(ContainerContexts contexts) {
        this.contexts = contexts;
    }

    /**
     * Reads the servlet mappings as if no other framework reported routes: every dispatcher servlet is included.
     * {@link RouteRegistry} calls {@link #routes(Set)} instead.
     *
     * @return the routes, one per url-pattern
     */
    @Override
    public List<Route> routes() {
        return routes(Collections.<String>emptySet());
    }

    @Override
    public List<Route> routes(Set<String> reporting) {
        List<Route> routes = new ArrayList<Route>();
        FrameworkDispatchers dispatchers = new FrameworkDispatchers(reporting);
        for (Object context : contexts.live()) {
            try {
                Object servletContext = contexts.startedServletContext(context);
                if (servletContext != null) {
                    collect(context, servletContext, dispatchers, routes);
                }
            } catch (Throwable t) {
                Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
                CaptureErrors.record("servlet." + contexts.container() + ".read", "could not read the servlet "
                        + "registrations of " + context.getClass().getName(), cause);
            }
        }
        return routes;
    }

    private void collect(Object context, Object servletContext, FrameworkDispatchers dispatchers, List<Route> out)
            throws Exception {
        String contextPath = (String) Reflect.call(servletContext, "getContextPath");
        Map<?, ?> registrations;
        try {
            registrations = (Map<?, ?>) Reflect.call(servletContext, "getServletRegistrations");
        } catch (InvocationTargetException e) {
            // The documented "not now" answers (Servlet 3.0+ ServletContext Javadoc): a context still calling its
            // listeners (Jetty's ServletContextApi while disabled) throws UnsupportedOperationException, one not
            // initialised yet may throw IllegalStateException. Not a failure: read again at the next scrape.
            if (e.getCause() instanceof UnsupportedOperationException || e.getCause() instanceof IllegalStateException) {
                AgentLog.debug("servlet registrations of " + contextPath + " not readable yet: " + e.getCause());
                return;
            }
            throw e;
        }
        if (registrations == null) {
            return;
        }
        ClassLoader loader = classLoader(servletContext);
        List<Route> found = new ArrayList<Route>();
        boolean admin = false;
        for (Map.Entry<?, ?> entry : registrations.entrySet()) {
            Object registration = entry.getValue();
            Collection<?> mappings = (Collection<?>) Reflect.call(registration, "getMappings");
            if (mappings == null || mappings.isEmpty()) {
                continue;
            }
            String className = (String) Reflect.call(registration, "getClassName");
            if (className != null && (className.endsWith(JETTY_404_SUFFIX) && className.startsWith("org.eclipse.jetty.")
                    || dispatchers.reportedByFramework(className, loader))) {
                continue;
            }
            admin |= className != null && DropwizardAdmin.isAdminServlet(className);
            if (DropwizardAdmin.TASK_SERVLET.equals(className)) {
                Object tasks = contexts.servletInstance(context, String.valueOf(entry.getKey()));
                if (tasks != null) {
                    found.addAll(DropwizardAdmin.tasks(tasks, contextPath, mappings));
                    continue;
                }
            }
            String handler = className != null ? className : String.valueOf(entry.getKey());
            for (Object mapping : mappings) {
                found.add(Route.of(Route.ANY_METHOD, ServletUrlPattern.toTemplate(contextPath, String.valueOf(mapping)),
                        FRAMEWORK, handler));
            }
        }
        String port = admin ? contexts.separateListenerPorts(context) : "";
        for (Route route : found) {
            out.add(port.isEmpty() ? route : route.withPort(port));
        }
    }

    private static ClassLoader classLoader(Object servletContext) {
        try {
            return (ClassLoader) Reflect.call(servletContext, "getClassLoader");
        } catch (Exception e) {
            return null; // e.g. a SecurityException: dispatcher servlets are then recognised by exact name only
        }
    }
}
