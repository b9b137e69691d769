package dev.runtruth.agent.routes.jaxrs.cxf;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import java.util.List;

/**
 * Hooks the constructors of three CXF types (same names in CXF 3.x and 4.x):
 * <ul>
 *   <li>{@code org.apache.cxf.jaxrs.JAXRSServerFactoryBean} (cxf-rt-frontend-jaxrs): how every JAX-RS endpoint is
 *       created (programmatic, Spring XML's {@code <jaxrs:server>}, Spring Boot's auto-configuration); its hook only
 *       marks the framework as in use, and its jar carries CXF's version;</li>
 *   <li>{@code org.apache.cxf.endpoint.ServerImpl} (cxf-core): one per started endpoint, kept by the bus; it knows
 *       the endpoint, its address and its transport destination;</li>
 *   <li>{@code org.apache.cxf.transport.servlet.CXFNonSpringServlet} (also run for {@code CXFServlet}): the servlet
 *       that serves servlet-transport endpoints; it knows the URL prefix.</li>
 * </ul>
 * The hooks only remember the objects; {@link CxfRoutes} reads them at scrape time.
 */
public final class CxfInstrumentation {

    /** Binary name of CXF's JAX-RS endpoint factory. */
    public static final String FACTORY_BEAN = "org.apache.cxf.jaxrs.JAXRSServerFactoryBean";
    /** Binary name of CXF's endpoint server. */
    public static final String SERVER = "org.apache.cxf.endpoint.ServerImpl";
    /** Binary name of CXF's servlet (the base of {@code CXFServlet}). */
    public static final String SERVLET = "org.apache.cxf.transport.servlet.CXFNonSpringServlet";

    private CxfInstrumentation() {
    }

    /** @return the hooks, the JAX-RS factory first (the landmark that names the version) */
    public static List<TypeHook> hooks() {
        return Arrays.asList(
                TypeHook.onConstructors(FACTORY_BEAN, OnFactory.class),
                TypeHook.onConstructors(SERVER, OnServer.class),
                TypeHook.onConstructors(SERVLET, OnServlet.class));
    }

    /** Called at the end of each {@code JAXRSServerFactoryBean} constructor: nothing to remember. */
    public static final class OnFactory {

        private OnFactory() {
        }
        static void exit(Object factory) {
            // the constructor hook itself records that the type was constructed (coverage)
        }
    }

    /** Called at the end of each {@code ServerImpl} constructor. */
    public static final class OnServer {

        private OnServer() {
        }
        static void exit(Object server) {
            CxfRoutes.onServer(server);
        }
    }

    /** Called at the end of each {@code CXFNonSpringServlet} constructor (also run for subclasses). */
    public static final class OnServlet {

        private OnServlet() {
        }
        static void exit(Object servlet) {
            CxfRoutes.onServlet(servlet);
        }
    }
}
