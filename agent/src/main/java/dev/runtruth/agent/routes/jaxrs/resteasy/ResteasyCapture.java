package dev.runtruth.agent.routes.jaxrs.resteasy;

import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;

/**
 * RESTEasy classic 4.0+ ({@code framework="jaxrs"}): hook {@code ResteasyDeploymentImpl} and
 * {@code HttpServletDispatcher}, read each deployment's {@code ResourceMethodRegistry} at scrape time.
 */
public final class ResteasyCapture {

    private ResteasyCapture() {
    }

    /** @return the capture of RESTEasy classic; its label is {@link JerseyRoutes#FRAMEWORK} like every JAX-RS one */
    public static FrameworkCapture capture() {
        return new FrameworkCapture("resteasy", JerseyRoutes.FRAMEWORK, "org/jboss/resteasy/", ResteasyInstrumentation.hooks(),
                new ResteasyRoutes());
    }
}
