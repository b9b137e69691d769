package dev.runtruth.agent.routes.spring.webflux;

import dev.runtruth.agent.routes.FrameworkCapture;
import java.util.Collections;

/** Spring WebFlux ({@code framework="spring-webflux"}): hook {@code DispatcherHandler}, read its handler mappings. */
public final class SpringWebFluxCapture {

    private SpringWebFluxCapture() {
    }

    /** @return the capture of Spring WebFlux */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(SpringWebFluxRoutes.FRAMEWORK, "org/springframework/",
                Collections.singletonList(DispatcherHandlerInstrumentation.hook()), new SpringWebFluxRoutes());
    }
}
