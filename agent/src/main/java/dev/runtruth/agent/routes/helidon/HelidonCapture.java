package dev.runtruth.agent.routes.helidon;

import dev.runtruth.agent.routes.FrameworkCapture;

/** Helidon 4 SE ({@code framework="helidon-se"}): hook {@code LoomServer}, read the HTTP routing of each listener. */
public final class HelidonCapture {

    private HelidonCapture() {
    }

    /** @return the capture of Helidon's WebServer HTTP routing */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(HelidonRoutes.FRAMEWORK, "io/helidon/",
                LoomServerInstrumentation.hooks(), new HelidonRoutes());
    }
}
