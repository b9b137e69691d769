package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import java.util.List;

/**
 * Hooks the constructors of Jersey's {@code org.glassfish.jersey.server.ApplicationHandler} (one per deployed JAX-RS
 * application, in every container; its constructors run the whole initialisation, so at their exit the resource
 * model is built) and of {@code org.glassfish.jersey.servlet.ServletContainer} (the servlet or filter that serves an
 * application handler; it knows the URL prefix), and of Grizzly's {@code org.glassfish.grizzly.http.server.HttpServer}
 * (Grizzly 2.3-4.x; Jersey's {@code GrizzlyHttpServerFactory} registers its container there under the base URI's
 * path), of Jersey's own containers for the JDK HTTP server ({@code JdkHttpHandlerContainer}) and Jetty
 * ({@code JettyHttpContainer}), and of Helidon 4's {@code io.helidon.jersey.webserver.JaxRsService} (Helidon MP: the
 * HTTP service through which Helidon's WebServer hands requests to one JAX-RS application). Same class names in Jersey
 * 2.x (javax), 3.x and 4.x (jakarta). The hooks
 * only remember the objects; {@link JerseyRoutes} reads them at scrape time.
 */
public final class JerseyInstrumentation {

    /** Binary name of Jersey's application handler. */
    public static final String APPLICATION_HANDLER = "org.glassfish.jersey.server.ApplicationHandler";
    /** Binary name of Jersey's servlet (and filter) container. */
    public static final String SERVLET_CONTAINER = "org.glassfish.jersey.servlet.ServletContainer";
    /** Binary name of Grizzly's HTTP server, which Jersey's Grizzly container runs on. */
    public static final String GRIZZLY_SERVER = "org.glassfish.grizzly.http.server.HttpServer";
    /** Binary name of Jersey's container for the JDK HTTP server (jersey-container-jdk-http). */
    public static final String JDK_HTTP_CONTAINER = "org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer";
    /** Binary name of Jersey's container for Jetty (jersey-container-jetty-http). */
    public static final String JETTY_HTTP_CONTAINER = "org.glassfish.jersey.jetty.JettyHttpContainer";
    /** Binary name of Helidon 4's HTTP service in front of one Jersey application (Helidon MP). */
    public static final String HELIDON_JAXRS_SERVICE = "io.helidon.jersey.webserver.JaxRsService";

    private JerseyInstrumentation() {
    }

    /** @return the hooks: called at the end of every constructor of each type */
    public static List<TypeHook> hooks() {
        return Arrays.asList(
                TypeHook.onConstructors(APPLICATION_HANDLER, OnHandler.class),
                TypeHook.onConstructors(SERVLET_CONTAINER, OnContainer.class),
                TypeHook.onConstructors(GRIZZLY_SERVER, OnGrizzly.class),
                TypeHook.onConstructors(JDK_HTTP_CONTAINER, OnJdkHttp.class),
                TypeHook.onConstructors(JETTY_HTTP_CONTAINER, OnJettyHttp.class),
                TypeHook.onConstructors(HELIDON_JAXRS_SERVICE, OnHelidonService.class));
    }

    /** Called at the end of each Helidon {@code JaxRsService} constructor. */
    public static final class OnHelidonService {

        private OnHelidonService() {
        }
        static void exit(Object service) {
            JerseyRoutes.onHelidonService(service);
        }
    }

    /** Called at the end of each {@code JdkHttpHandlerContainer} constructor. */
    public static final class OnJdkHttp {

        private OnJdkHttp() {
        }
        static void exit(Object container) {
            JerseyRoutes.onJdkHttpContainer(container);
        }
    }

    /** Called at the end of each {@code JettyHttpContainer} constructor. */
    public static final class OnJettyHttp {

        private OnJettyHttp() {
        }
        static void exit(Object container) {
            JerseyRoutes.onJettyHttpContainer(container);
        }
    }

    /** Called at the end of each Grizzly {@code HttpServer} constructor. */
    public static final class OnGrizzly {

        private OnGrizzly() {
        }
        static void exit(Object server) {
            JerseyRoutes.onGrizzlyServer(server);
        }
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code ApplicationHandler} constructor that returns normally. */
    public static final class OnHandler {

        private OnHandler() {
        }
        static void exit(Object handler) {
            JerseyRoutes.onApplicationHandler(handler);
        }
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code ServletContainer} constructor (also run for subclasses). */
    public static final class OnContainer {

        private OnContainer() {
        }
        static void exit(Object container) {
            JerseyRoutes.onServletContainer(container);
        }
    }
}
