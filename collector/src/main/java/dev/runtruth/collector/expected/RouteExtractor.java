package dev.runtruth.collector.expected;

import dev.runtruth.model.Route;
import java.util.List;

/**
 * One framework family's reading of class models into declared routes. {@link BytecodeRouteScanner} asks every
 * registered extractor about every application class.
 */
interface RouteExtractor {

    /**
     * @param type an application class
     * @return whether the framework would register routes from {@code type} (a controller, a root resource, ...)
     */
    boolean isHandler(ClassModel type);

    /**
     * @param handler a class for which {@link #isHandler} holds
     * @return its routes, each with the family's {@code framework} value (the one the agent exports) and a handler
     *         text {@code binary.ClassName#method}
     */
    List<Route> routes(ClassModel handler);
}
