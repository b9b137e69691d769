package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.routes.FrameworkCapture;
import java.util.Collections;

/** Spring MVC ({@code framework="spring-webmvc"}): hook {@code DispatcherServlet}, read its handler mappings. */
public final class SpringMvcCapture {

    private SpringMvcCapture() {
    }

    /** @return the capture of Spring MVC */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(SpringMvcRoutes.FRAMEWORK, "org/springframework/",
                Collections.singletonList(DispatcherServletInstrumentation.hook()), new SpringMvcRoutes());
    }
}
