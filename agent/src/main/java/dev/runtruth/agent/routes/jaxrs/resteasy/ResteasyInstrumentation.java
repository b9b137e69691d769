package dev.runtruth.agent.routes.jaxrs.resteasy;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import java.util.List;

/**
 * Hooks the constructors of RESTEasy classic's {@code org.jboss.resteasy.core.ResteasyDeploymentImpl} (one per
 * deployed JAX-RS application, RESTEasy 4.0+; its {@code getRegistry()} is the application's
 * {@code ResourceMethodRegistry} once started) and of {@code org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher}
 * (the servlet that serves a deployment, subclasses such as {@code HttpServlet30Dispatcher} included; it knows the URL
 * prefix). The deployment is hooked rather than the registry because RESTEasy also builds a
 * {@code ResourceMethodRegistry} per sub-resource class when a locator is first requested; those are not routes of
 * their own. A third hook on RESTEasy 3.x's class {@code org.jboss.resteasy.spi.ResteasyDeployment} (an interface
 * from 4.0 on, which has no constructor to hook) only reports the unsupported version.
 */
public final class ResteasyInstrumentation {

    /** Binary name of RESTEasy 4+'s deployment. */
    public static final String DEPLOYMENT = "org.jboss.resteasy.core.ResteasyDeploymentImpl";
    /** Binary name of RESTEasy's servlet. */
    public static final String SERVLET = "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher";
    /** Binary name of RESTEasy 3.x's deployment class. */
    public static final String LEGACY_DEPLOYMENT = "org.jboss.resteasy.spi.ResteasyDeployment";

    private ResteasyInstrumentation() {
    }

    /** @return the hooks: called at the end of every constructor of the three types */
    public static List<TypeHook> hooks() {
        return Arrays.asList(hook(DEPLOYMENT, OnDeployment.class), hook(SERVLET, OnServlet.class),
                hook(LEGACY_DEPLOYMENT, OnLegacy.class));
    }

    private static TypeHook hook(String type, final Class<?> advice) {
        return TypeHook.onConstructors(type, advice);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code ResteasyDeploymentImpl} constructor. */
    public static final class OnDeployment {

        private OnDeployment() {
        }
        static void exit(Object deployment) {
            ResteasyRoutes.onDeployment(deployment);
        }
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code HttpServletDispatcher} constructor (also run for subclasses). */
    public static final class OnServlet {

        private OnServlet() {
        }
        static void exit(Object servlet) {
            ResteasyRoutes.onServlet(servlet);
        }
    }

    /** Called (through {@code ConstructorHooks}) at the end of each RESTEasy 3.x {@code ResteasyDeployment} constructor. */
    public static final class OnLegacy {

        private OnLegacy() {
        }
        static void exit(Object deployment) {
            ResteasyRoutes.onUnsupportedDeployment(deployment);
        }
    }
}
