package dev.runtruth.agent.routes.micronaut;

import dev.runtruth.agent.routes.FrameworkCapture;
import java.util.Collections;

/** Micronaut 4 ({@code framework="micronaut"}): hook {@code DefaultRouter}, read its URI routes. */
public final class MicronautCapture {

    private MicronautCapture() {
    }

    /** @return the capture of Micronaut's HTTP router */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(MicronautRoutes.FRAMEWORK, "io/micronaut/",
                Collections.singletonList(DefaultRouterInstrumentation.hook()), new MicronautRoutes());
    }
}
