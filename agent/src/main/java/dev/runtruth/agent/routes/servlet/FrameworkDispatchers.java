package dev.runtruth.agent.routes.servlet;

import dev.runtruth.agent.routes.RouteRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The catch-all servlets through which a web framework serves its own routes (Spring's {@code DispatcherServlet},
 * Jersey's {@code ServletContainer}, Javalin's {@code JavalinJettyServlet} on {@code /*}, ...). Such a servlet is not reported as a servlet route when the framework's
 * own capture (whose {@code framework} label is listed here) reported at least one route in the same
 * {@link RouteRegistry#routes()} read: its routes already say what the servlet serves. When no capture of that framework
 * reports anything (unknown version, not started yet) the servlet is reported, so its mapping is not lost.
 *
 * <p>Subclasses count too (Dropwizard's {@code JerseyServletContainer}): when some framework reports routes, a
 * registration's class is looked up, without initialising it, in the servlet context's class loader
 * ({@code ServletContext#getClassLoader()}) and its superclasses are compared by name.
 *
 * <p>One instance per read.
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
        // Javalin 6 and 7 serve every endpoint through this servlet, which Javalin maps to /* on its own Jetty
        DISPATCHERS.put("io.javalin.jetty.JavalinJettyServlet", "javalin");
        DISPATCHERS.put("org.apache.cxf.transport.servlet.CXFNonSpringServlet", "jaxrs");
    }

    private final Set<String> reporting;

    /** @param reporting the {@code framework} labels that reported at least one route in this read */
    FrameworkDispatchers(Set<String> reporting) {
        this.reporting = reporting;
    }

    /**
     * @param servletClassName {@code ServletRegistration#getClassName()}
     * @param loader           the servlet context's class loader; {@code null} to compare the name only
     * @return whether it is (a subclass of) a known dispatcher servlet and a capture of its framework reports routes
     *         now
     */
    boolean reportedByFramework(String servletClassName, ClassLoader loader) {
        if (reporting.isEmpty()) {
            return false; // the common case of a plain servlet app: no class is looked up
        }
        String label = DISPATCHERS.get(servletClassName);
        if (label == null && loader != null) {
            label = superclassLabel(servletClassName, loader);
        }
        return label != null && reporting.contains(label);
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
