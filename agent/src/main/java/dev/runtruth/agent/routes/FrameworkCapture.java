package dev.runtruth.agent.routes;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the agent captures one framework: the types it hooks, the package prefix whose first class starts the
 * background build of the class transformer, and the source that reads the routes at scrape time. Immutable.
 *
 * <p>Two names: {@link #name()} says which framework is read ({@code jersey}, {@code tomcat}, ...) and is the
 * {@code framework} label of {@code runtruth_framework_info}; {@link #framework()} is the {@code framework} label of
 * the routes it reports, shared by the implementations of one programming model ({@code jaxrs} for Jersey, RESTEasy
 * and Quarkus REST; {@code servlet} for Tomcat, Jetty and Undertow).
 */
public final class FrameworkCapture {

    private final String name;
    private final String framework;
    private final String warmUpPrefix;
    private final List<TypeHook> hooks;
    private final RouteSource source;

    /**
     * @param name         the framework read, e.g. {@code jersey}; the {@code framework} label of its coverage
     * @param framework    the {@code framework} label of its routes, e.g. {@code jaxrs}
     * @param warmUpPrefix internal-name prefix of the framework's classes, e.g. {@code org/glassfish/jersey/}
     * @param hooks        the types to decorate; each hook only remembers framework objects, it reads nothing
     * @param source       reads the routes from the remembered objects
     */
    public FrameworkCapture(String name, String framework, String warmUpPrefix, List<TypeHook> hooks,
            RouteSource source) {
        this.name = name;
        this.framework = framework;
        this.warmUpPrefix = warmUpPrefix;
        this.hooks = Collections.unmodifiableList(new ArrayList<TypeHook>(hooks));
        this.source = source;
    }

    /**
     * @param name      the framework read, also the {@code framework} label of its routes, e.g. {@code javalin}
     * @param warmUpPrefix internal-name prefix of the framework's classes
     * @param hooks     the types to decorate
     * @param source    reads the routes
     */
    public FrameworkCapture(String name, String warmUpPrefix, List<TypeHook> hooks, RouteSource source) {
        this(name, name, warmUpPrefix, hooks, source);
    }

    /** @return the framework read, e.g. {@code jersey}: the {@code framework} label of its coverage */
    public String name() {
        return name;
    }

    /** @return the {@code framework} label of its routes, e.g. {@code jaxrs} */
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
