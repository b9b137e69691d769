package dev.runtruth.agent.routes.vertx;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one {@code io.vertx.ext.web.Route} (vertx-web 4.5 and 5.x) by reflection: the public {@code Route} API where
 * it has what is needed, the route's internal {@code RouteState} where it has not (the regular expression of a regex
 * route; the mounted sub-router before {@code Route#getSubRouter()} existed).
 */
final class VertxRoute {

    private VertxRoute() {
    }

    /** Thrown when this vertx-web has neither landmark the agent reads sub-routers from. */
    static final class UnsupportedVersion extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedVersion(String message) {
            super(message);
        }
    }

    /**
     * @param router an {@code io.vertx.ext.web.Router}
     * @return its routes, in order ({@code Router#getRoutes()}, vertx-web 3.x to 5.x)
     */
    static List<?> routes(Object router) throws Exception {
        Object routes = call(router, "getRoutes");
        return routes instanceof List ? (List<?>) routes : Collections.emptyList();
    }

    /**
     * @param route a route
     * @return the router mounted on it with {@code route("/api/*").subRouter(sub)}, or {@code null}
     * @throws UnsupportedVersion when this vertx-web has neither {@code Route#getSubRouter()} nor
     *                            {@code RouteState#getSubRouter()}
     */
    static Object subRouter(Object route) throws Exception {
        // Route#getSubRouter(): added in vertx-web 5.0 (vert-x3/vertx-web#2512), backported to 4.5.x (#2859)
        Method publicGetter = find(route.getClass(), "getSubRouter");
        if (publicGetter != null) {
            return publicGetter.invoke(route);
        }
        // older 4.x: the mount is held in the route's immutable RouteState (RouteImpl.state)
        Object state = state(route);
        Method internalGetter = state == null ? null : find(state.getClass(), "getSubRouter");
        if (internalGetter == null) {
            throw new UnsupportedVersion("vertx-web without Route#getSubRouter() or RouteState#getSubRouter() "
                    + "(vertx-web 4.5 and 5.x are supported)");
        }
        return internalGetter.invoke(state);
    }

    /**
     * The route's own template, as written in the application: the path ({@code Route#getPath()}) with the
     * {@code *} that vertx-web strips from a prefix route put back ({@code /api/*}: path {@code /api/}, not
     * {@code isExactPath()}); for a regex route ({@code routeWithRegex}) the regular expression itself; for a route
     * without path ({@code router.route()}, which Vert.x treats like {@code route("/*")}) {@code /*}.
     *
     * @param route a route
     * @return the template before canonicalisation, never {@code null}
     */
    static String template(Object route) throws Exception {
        Object path = call(route, "getPath");
        if (path != null) {
            return Boolean.FALSE.equals(call(route, "isExactPath")) ? path + "*" : path.toString();
        }
        if (Boolean.TRUE.equals(call(route, "isRegexPath"))) {
            return regex(route);
        }
        return "/*";
    }

    /**
     * @param route a route a sub-router is mounted on
     * @return its path as vertx-web keeps it, {@code /api/} for {@code route("/api/*")}; empty for {@code route()}
     *         (a sub-router mounted at the root)
     */
    static String mountPath(Object route) throws Exception {
        Object path = call(route, "getPath");
        return path == null ? "" : path.toString();
    }

    /**
     * @param route a route
     * @return the names of {@code Route#methods()}; empty when the route answers every method
     */
    static List<String> methods(Object route) throws Exception {
        Object methods = call(route, "methods");
        if (!(methods instanceof Collection)) {
            return Collections.emptyList();
        }
        List<String> names = new ArrayList<String>();
        for (Object method : (Collection<?>) methods) {
            Object name = call(method, "name"); // io.vertx.core.http.HttpMethod#name(), 4.x and 5.x
            names.add(String.valueOf(name == null ? method : name));
        }
        return names;
    }

    /**
     * Joins a mount prefix and a template the way vertx-web combines a mount path with a sub-router's route
     * ({@code RouteImpl#validateMount}): the mount path's trailing {@code /} and the route's leading {@code /} are
     * one.
     */
    static String join(String prefix, String template) {
        if (prefix.isEmpty()) {
            return template;
        }
        if (prefix.endsWith("/") && template.startsWith("/")) {
            return prefix + template.substring(1);
        }
        return prefix + template;
    }

    // The regex is not public API: RouteImpl.state (private) -> RouteState#getPattern(). Route#getName() returns it
    // too, unless the application named the route, so it is the fallback when the internals cannot be read.
    private static String regex(Object route) throws Exception {
        Object state = state(route);
        Method getPattern = state == null ? null : find(state.getClass(), "getPattern");
        Object pattern = getPattern == null ? null : getPattern.invoke(state);
        if (pattern instanceof Pattern) {
            return ((Pattern) pattern).pattern();
        }
        Object name = call(route, "getName");
        return name == null ? "/*" : name.toString();
    }

    private static Object state(Object route) throws Exception {
        for (Class<?> type = route.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("state");
                field.setAccessible(true);
                return field.get(route);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        return null;
    }

    private static Object call(Object target, String name) throws Exception {
        Method method = find(target.getClass(), name);
        return method == null ? null : method.invoke(target);
    }

    /** A public no-argument method, made accessible (vertx-web's impl classes are not all public). */
    private static Method find(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            try {
                method.setAccessible(true);
            } catch (RuntimeException e) {
                // refused by the module system: public methods of exported public types still work
            }
            return method;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
