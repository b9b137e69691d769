package dev.runtruth.agent.routes.servlet;

import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.Frameworks;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The catch-all servlets through which a web framework serves its own routes (Spring's {@code DispatcherServlet},
 * Jersey's {@code ServletContainer}, ...). Such a servlet is not reported as a servlet route when the framework's
 * own capture (a {@link FrameworkCapture} in {@link Frameworks#all()} whose {@code framework} label is listed here)
 * reports at least one route: its routes already say what the servlet serves. When no capture of that framework
 * reports anything (unknown version, not started yet) the servlet is reported, so its mapping is not lost.
 *
 * <p>Subclasses count too (Dropwizard's {@code JerseyServletContainer}): when some framework reports routes, a
 * registration's class is looked up, without initialising it, in the servlet context's class loader
 * ({@code ServletContext#getClassLoader()}) and its superclasses are compared by name.
 *
 * <p>One instance per scrape: the framework captures are read at most once each.
 */
final class FrameworkDispatchers {

    /** Dispatcher servlet class name to the {@code framework} label of the capture that reports its routes. */
    private static final Map<String, String> DISPATCHERS = new HashMap<String, String>();

    static {
        DISPATCHERS.put("org.springframework.web.servlet.DispatcherServlet", "spring-webmvc");
        DISPATCHERS.put("org.glassfish.jersey.servlet.ServletContainer", "jaxrs");
        DISPATCHERS.put("org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", "jaxrs");
        DISPATCHERS.put("org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher", "jaxrs");
        DISPATCHERS.put("org.apache.cxf.transport.servlet.CXFServlet", "jaxrs");
    }

    private Set<String> reporting;

    /**
     * @param servletClassName {@code ServletRegistration#getClassName()}
     * @param loader           the servlet context's class loader; {@code null} to compare the name only
     * @return whether it is (a subclass of) a known dispatcher servlet and a capture of its framework reports routes
     *         now
     */
    boolean reportedByFramework(String servletClassName, ClassLoader loader) {
        Set<String> labels = reportingLabels();
        if (labels.isEmpty()) {
            return false; // the common case of a plain servlet app: no class is looked up
        }
        String label = DISPATCHERS.get(servletClassName);
        if (label == null && loader != null) {
            label = superclassLabel(servletClassName, loader);
        }
        return label != null && labels.contains(label);
    }

    private Set<String> reportingLabels() {
        if (reporting == null) {
            reporting = new HashSet<String>();
            Set<String> wanted = new HashSet<String>(DISPATCHERS.values());
            for (FrameworkCapture capture : Frameworks.all()) {
                if (wanted.contains(capture.framework()) && !reporting.contains(capture.framework())
                        && !capture.source().routes().isEmpty()) {
                    reporting.add(capture.framework());
                }
            }
        }
        return reporting;
    }

    private static String superclassLabel(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            return null; // a servlet the container cannot load is no dispatcher
        } catch (LinkageError e) {
            return null;
        }
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            String label = DISPATCHERS.get(c.getName());
            if (label != null) {
                return label;
            }
        }
        return null;
    }
}
