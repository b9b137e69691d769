package dev.runtruth.agent.routes.javalin;

import dev.runtruth.agent.routes.FrameworkCapture;

/**
 * Javalin ({@code framework="javalin"}): hook {@code io.javalin.Javalin} and its configuration holders, read the
 * internal router's endpoints.
 */
public final class JavalinCapture {

    private JavalinCapture() {
    }

    /** @return the capture of Javalin 6 and 7 */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(JavalinRoutes.FRAMEWORK, "io/javalin/",
                JavalinInstrumentation.hooks(), new JavalinRoutes());
    }
}
