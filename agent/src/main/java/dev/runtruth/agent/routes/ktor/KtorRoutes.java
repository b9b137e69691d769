package dev.runtruth.agent.routes.ktor;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The routes of every Ktor routing tree in this JVM, read at scrape time (Ktor 2.x {@code Route}, 3.x
 * {@code RoutingNode}; read from Ktor's source, 2.3 and 3.x).
 *
 * <p>Which nodes are routes: Ktor's own {@code getAllRoutes()} of the root (2.x {@code RouteKt}, 3.x
 * {@code RoutingNodeKt}), the nodes with a handler. A route's method and path come from the selectors on its way up
 * to the root ({@code getParent()}, {@code getSelector()}): the root's {@code RootRouteSelector} is the engine's
 * {@code rootPath}; each path-segment selector is one segment ({@code PathSegmentConstantRouteSelector} its value,
 * {@code ...ParameterRouteSelector} {@code {name}}, {@code ...OptionalParameterRouteSelector} {@code {name?}} (one
 * route, the segment may be absent), {@code ...WildcardRouteSelector} {@code *}, {@code ...TailcardRouteSelector}
 * {@code {*name}} ({@code {*}} without a name), {@code ...RegexRouteSelector} as Ktor prints it); a
 * {@code TrailingSlashRouteSelector} is a trailing {@code /}; an {@code HttpMethodRouteSelector} is the method
 * (none: {@code *}). Every other selector (header, accept, query parameter, authentication, a plugin's) selects
 * requests without consuming a path segment and adds nothing.
 */
public final class KtorRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "ktor";

    private static final String ROUTING = "io.ktor.server.routing.";
    private static final WeakObjects ROOTS = new WeakObjects();
    private static final WeakObjects ENGINES = new WeakObjects();

    /** @param root a routing root under construction (3.x {@code RoutingRoot}, 2.x {@code Routing}) */
    public static void onRoot(Object root) {
        ROOTS.add(root);
    }

    /** @param engine a Netty engine under construction */
    public static void onEngine(Object engine) {
        ENGINES.add(engine);
    }

    /** @return the Netty engines still alive, for the listener attribution */
    public static List<Object> engines() {
        return ENGINES.alive();
    }

    @Override
    public List<Route> routes() {
        return ROOTS.readEach("ktor.read", "could not read the routing tree of", KtorRoutes::collect);
    }

    private static void collect(Object root, List<Route> out) throws Exception {
        for (Object node : allRoutes(root)) {
            List<Object> selectors = new ArrayList<Object>();
            for (Object n = node; n != null; n = Reflect.call(n, "getParent")) {
                selectors.add(Reflect.call(n, "getSelector"));
            }
            Collections.reverse(selectors);
            StringBuilder path = new StringBuilder();
            String method = "*";
            for (Object selector : selectors) {
                String type = selector == null ? "" : selector.getClass().getName();
                if (!type.startsWith(ROUTING)) {
                    continue; // a plugin's or authentication's selector: no path segment
                }
                String segment = segment(type.substring(ROUTING.length()), selector);
                if (segment != null) {
                    path.append('/').append(segment);
                } else if (type.endsWith(".HttpMethodRouteSelector")) {
                    method = String.valueOf(Reflect.call(Reflect.call(selector, "getMethod"), "getValue"));
                }
            }
            out.add(Route.of(method, path.length() == 0 ? "/" : path.toString(), FRAMEWORK, ""));
        }
    }

    /**
     * @param simpleName the selector's class name without {@code io.ktor.server.routing.}
     * @return the path text the selector stands for ({@code ""} for the trailing slash or an empty root path), or
     *         {@code null} when it consumes no path segment
     */
    private static String segment(String simpleName, Object selector) throws Exception {
        if (simpleName.equals("RootRouteSelector") || simpleName.equals("PathSegmentConstantRouteSelector")
                || simpleName.equals("PathSegmentParameterRouteSelector")
                || simpleName.equals("PathSegmentOptionalParameterRouteSelector")
                || simpleName.equals("PathSegmentWildcardRouteSelector")
                || simpleName.equals("PathSegmentRegexRouteSelector")) {
            return selector.toString(); // Ktor's own rendering: value, {name}, {name?}, *, root path "a/b"
        }
        if (simpleName.equals("PathSegmentTailcardRouteSelector")) {
            Object name = Reflect.call(selector, "getName");
            return "{*" + (name == null ? "" : name) + "}"; // the rest of the path, or nothing
        }
        if (simpleName.equals("TrailingSlashRouteSelector")) {
            return "";
        }
        return null;
    }

    /** @return the root's routes with a handler, by Ktor's own {@code getAllRoutes()} */
    private static Collection<?> allRoutes(Object root) throws Exception {
        ClassLoader loader = root.getClass().getClassLoader();
        Class<?> node = Reflect.load(ROUTING + "RoutingNode", loader); // 3.x
        Class<?> facade = Reflect.load(ROUTING + "RoutingNodeKt", loader);
        if (node == null || facade == null) {
            node = Reflect.load(ROUTING + "Route", loader); // 2.x
            facade = Reflect.load(ROUTING + "RouteKt", loader);
        }
        Object all = node == null || facade == null ? null
                : Reflect.callStatic(facade, "getAllRoutes", new Class<?>[] {node}, root);
        if (!(all instanceof Collection)) {
            throw new IllegalStateException("unsupported Ktor version: no getAllRoutes(" + (node == null ? "Route"
                    : node.getName()) + ") (Ktor 2.x and 3.x are supported)");
        }
        return (Collection<?>) all;
    }
}
