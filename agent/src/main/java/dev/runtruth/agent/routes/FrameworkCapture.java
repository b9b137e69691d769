package dev.runtruth.agent.routes;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the agent captures one framework family: the types it hooks, the package prefix whose first class starts the
 * background build of the ByteBuddy transformer, and the source that reads the routes at scrape time. Immutable.
 */
public final class FrameworkCapture {

    private final String framework;
    private final String warmUpPrefix;
    private final List<TypeHook> hooks;
    private final RouteSource source;

    /**
     * @param framework    the {@code framework} label value, e.g. {@code spring-webmvc}
     * @param warmUpPrefix internal-name prefix of the framework's classes, e.g. {@code org/springframework/}
     * @param hooks        the types to decorate; each hook only remembers framework objects, it reads nothing
     * @param source       reads the routes from the remembered objects
     */
    public FrameworkCapture(String framework, String warmUpPrefix, List<TypeHook> hooks, RouteSource source) {
        this.framework = framework;
        this.warmUpPrefix = warmUpPrefix;
        this.hooks = Collections.unmodifiableList(new ArrayList<TypeHook>(hooks));
        this.source = source;
    }

    /** @return the {@code framework} label value */
    public String framework() {
        return framework;
    }

    /** @return the internal-name prefix that starts the transformer's background build */
    public String warmUpPrefix() {
        return warmUpPrefix;
    }

    /** @return the hooked types */
    public List<TypeHook> hooks() {
        return hooks;
    }

    /** @return the route source */
    public RouteSource source() {
        return source;
    }
}
