package dev.runtruth.agent.routes.ktor;

import dev.runtruth.agent.routes.FrameworkCapture;

/** Ktor 2.x and 3.x ({@code framework="ktor"}): hook the routing root, read its routing tree. */
public final class KtorCapture {

    private KtorCapture() {
    }

    /** @return the capture of Ktor's routing */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(KtorRoutes.FRAMEWORK, "io/ktor/", KtorInstrumentation.hooks(), new KtorRoutes());
    }
}
