package dev.runtruth.agent.routes.jaxrs.quarkus;

import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;

/**
 * Quarkus REST, formerly RESTEasy Reactive ({@code framework="jaxrs"}): hook the constructor of its runtime
 * {@code Deployment}, read the deployment's class mappers at scrape time.
 */
public final class QuarkusRestCapture {

    private QuarkusRestCapture() {
    }

    /** @return the capture of Quarkus REST; its label is {@link JerseyRoutes#FRAMEWORK} like every JAX-RS one */
    public static FrameworkCapture capture() {
        return new FrameworkCapture("quarkus-rest", JerseyRoutes.FRAMEWORK, "org/jboss/resteasy/reactive/",
                QuarkusRestInstrumentation.hooks(), new QuarkusRestRoutes());
    }
}
