package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.routes.FrameworkCapture;

/**
 * Jersey 2.26+ and 3.x ({@code framework="jaxrs"}): hook {@code ApplicationHandler} and {@code ServletContainer},
 * read each handler's resource model at scrape time.
 */
public final class JerseyCapture {

    private JerseyCapture() {
    }

    /** @return the capture of Jersey */
    public static FrameworkCapture capture() {
        return new FrameworkCapture("jersey", JerseyRoutes.FRAMEWORK, "org/glassfish/jersey/", JerseyInstrumentation.hooks(),
                new JerseyRoutes());
    }
}
