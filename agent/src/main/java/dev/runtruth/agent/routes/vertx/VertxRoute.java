package dev.runtruth.agent.routes.vertx;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one {@code io.vertx.ext.web.Route} (vertx-web 4.0 to 5.x) by reflection: the public {@code Route} API where
 * it has what is needed, the route's internal {@code RouteState} where it has not (the regular expression of a regex
 * route; whether a path is a prefix in 4.0.x; the mounted sub-router before {@code Route#getSubRouter()} existed).
 */
final class VertxRoute {

    // vertx-web 4.0 to 4.5.25: Route#subRouter(sub) installs handler(sub::handleContext), a lambda created in RouteImpl
    // that captures the sub-router; nothing else keeps the mount (RouteState#getSubRouter came with 4.5.26)
    private static final String MOUNT_LAMBDA = "io.vertx.ext.web.impl.RouteImpl$$Lambda";
    private static final String ROUTER = "io.vertx.ext.web.Router";

    private VertxRoute() {
    }

    /** Thrown when a route is, or may be, a sub-router mount whose sub-router cannot be read. */
    static final class SubRouterUnreadable extends Exception {
        private static final long serialVersionUID = 1L;

        SubRouterUnreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param router an {@code io.vertx.ext.web.Router}
     * @return its routes, in order ({@code Router#getRoutes()}, vertx-web 3.x to 5.x)
     */
    static List<?> routes(Object router) throws Exception {
        Object routes = call(router, "getRoutes");
        return routes instanceof List ? (List<?>) routes : Collections.<Object>emptyList();
    }

    /**
     * Finds the router mounted on a route with {@code route("/api/*").subRouter(sub)}: from {@code Route#getSubRouter()}
     * (vertx-web 5.0, 4.5.26+), else {@code RouteState#getSubRouter()}, else (vertx-web 4.0 to 4.5.25) from the
     * sub-router that the route's mount handler, a lambda of {@code RouteImpl}, captured.
     *
     * @param route a route
     * @return the mounted router, or {@code null} when the route is not a mount
     * @throws SubRouterUnreadable when the route is a mount whose sub-router cannot be read, or when this vertx-web
     *                             has no accessor and the route's state cannot be read (a mount cannot be told)
     */
    static Object subRouter(Object route) throws Exception {
        // Route#getSubRouter(): added in vertx-web 5.0 (vert-x3/vertx-web#2512), backported to 4.5.26 (#2859)
        Method publicGetter = find(route.getClass(), "getSubRouter");
        if (publicGetter != null) {
            return publicGetter.invoke(route);
        }
        Object state;
        try {
            state = state(route);
        } catch (RuntimeException e) {
            throw new SubRouterUnreadable("the route's state cannot be read: " + e, e);
        }
        if (state == null) {
            throw new SubRouterUnreadable("a route without Route#getSubRouter() and without RouteImpl.state: "
                    + route.getClass().getName(), null);
        }
        Method internalGetter = find(state.getClass(), "getSubRouter");
        if (internalGetter != null) {
            return internalGetter.invoke(state);
        }
        try {
            return mountedByLambda(state);
        } catch (SubRouterUnreadable e) {
            throw e;
        } catch (Exception e) {
            throw new SubRouterUnreadable("whether the route mounts a sub-router cannot be told: " + e, e);
        }
    }

    private static Object mountedByLambda(Object state) throws Exception {
        Method getHandlers = find(state.getClass(), "getContextHandlers"); // RouteState, vertx-web 4.0+
        Object handlers = getHandlers == null ? null : getHandlers.invoke(state);
        if (!(handlers instanceof Collection)) {
            return null;
        }
        for (Object handler : (Collection<?>) handlers) {
            if (handler == null || !handler.getClass().getName().startsWith(MOUNT_LAMBDA)) {
                continue;
            }
            for (Field field : handler.getClass().getDeclaredFields()) {
                if (isA(field.getType(), ROUTER)) {
                    try {
                        field.setAccessible(true);
                        return field.get(handler);
                    } catch (RuntimeException e) {
                        throw new SubRouterUnreadable("the mount handler " + handler.getClass().getName()
                                + " cannot be read: " + e, e);
                    } catch (IllegalAccessException e) {
                        throw new SubRouterUnreadable("the mount handler " + handler.getClass().getName()
                                + " cannot be read: " + e, e);
                    }
                }
            }
        }
        return null;
    }

    /**
     * @param route a route
     * @return the binary class names of its request handlers ({@code RouteState#getContextHandlers()}, vertx-web 4.0
     *         to 5.x), in order; empty when the route has none (e.g. only failure handlers: the state's list is then
     *         empty, or {@code null} as in vertx-web 4.5.23, which creates it with the first handler); {@code null}
     *         when its state cannot be read
     */
    static List<String> handlerClasses(Object route) throws Exception {
        Object state = state(route);
        Method getHandlers = state == null ? null : find(state.getClass(), "getContextHandlers");
        if (getHandlers == null) {
            return null;
        }
        Object handlers = getHandlers.invoke(state);
        if (handlers == null) {
            return Collections.emptyList();
        }
        if (!(handlers instanceof Collection)) {
            return null;
        }
        List<String> names = new ArrayList<String>();
        for (Object handler : (Collection<?>) handlers) {
            if (handler != null) {
                names.add(handler.getClass().getName());
            }
        }
        return names;
    }

    /**
     * The route's template in the shared canonical vocabulary: an exact path as written ({@code Route#getPath()}); a
     * prefix path ({@code route("/api/*")}: path {@code /api/}, not exact), which Vert.x matches at any depth and also
     * as {@code /api} itself, as {@code /api/**}; a regex route ({@code routeWithRegex}) as the regular expression
     * itself; a route without path ({@code router.route()}, every request) as {@code /**}.
     *
     * @param route a route
     * @return the template before canonicalisation, never {@code null}
     */
    static String template(Object route) throws Exception {
        Object path = call(route, "getPath");
        if (path != null) {
            return isExactPath(route) ? path.toString() : path + "**";
        }
        if (Boolean.TRUE.equals(call(route, "isRegexPath"))) {
            return regex(route);
        }
        return "/**";
    }

    // Route#isExactPath() came with vertx-web 4.0.2; 4.0.0 and 4.0.1 have RouteState#isExactPath() only
    private static boolean isExactPath(Object route) throws Exception {
        Object exact = call(route, "isExactPath");
        if (exact instanceof Boolean) {
            return (Boolean) exact;
        }
        Object state = state(route);
        Method internal = state == null ? null : find(state.getClass(), "isExactPath");
        return internal == null || !Boolean.FALSE.equals(internal.invoke(state));
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
        return name == null ? "/**" : name.toString();
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

    /** @return whether {@code type}, a superclass or an interface of either has the given binary name */
    static boolean isA(Class<?> type, String className) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(className) || isA(type.getSuperclass(), className)) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (isA(i, className)) {
                return true;
            }
        }
        return false;
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
