package dev.runtruth.agent.routes.javalin;

import dev.runtruth.agent.routes.FrameworkCapture;
import java.util.Collections;

/** Javalin ({@code framework="javalin"}): hook {@code io.javalin.Javalin}, read its internal router's endpoints. */
public final class JavalinCapture {

    private JavalinCapture() {
    }

    /** @return the capture of Javalin 6 and 7 */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(JavalinRoutes.FRAMEWORK, "io/javalin/",
                Collections.singletonList(JavalinInstrumentation.hook()), new JavalinRoutes());
    }
}
