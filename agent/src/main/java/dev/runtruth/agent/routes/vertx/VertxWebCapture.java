package dev.runtruth.agent.routes.vertx;

import dev.runtruth.agent.routes.FrameworkCapture;
import java.util.Collections;

/** Vert.x Web ({@code framework="vertx-web"}): hook {@code RouterImpl}, read {@code Router#getRoutes()}. */
public final class VertxWebCapture {

    private VertxWebCapture() {
    }

    /** @return the capture of Vert.x Web */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(VertxWebRoutes.FRAMEWORK, "io/vertx/",
                Collections.singletonList(RouterInstrumentation.hook()), new VertxWebRoutes());
    }
}
