package dev.runtruth.agent.routes;

import dev.runtruth.agent.routes.spring.SpringMvcCapture;
import java.util.Arrays;
import java.util.List;

/** Every framework family the agent captures. Add a family here, and nowhere else. */
public final class Frameworks {

    private Frameworks() {
    }

    /** @return the captures, one per framework family; creating them loads no framework or ByteBuddy class */
    public static List<FrameworkCapture> all() {
        return Arrays.asList(
                SpringMvcCapture.capture());
    }
}
