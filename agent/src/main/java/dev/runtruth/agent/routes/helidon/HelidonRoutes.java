package dev.runtruth.agent.routes.helidon;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.ReadFailures;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP routes of every Helidon 4 WebServer in this JVM, read at scrape time from its routing tree.
 *
 * <p>Where they live (helidon-webserver 4.3-4.5, read from Helidon's source): {@code LoomServer.listeners}, one
 * {@code ServerListener} per named socket ({@code @default} and any other); its {@code router}'s
 * {@code Router#routing(HttpRouting.class, null)} is an {@code HttpRoutingImpl} whose {@code rootRoute} is a
 * {@code ServiceRoute}: a list of routes, each either a nested {@code ServiceRoute} (an {@code HttpService} registered
 * with {@code register(path, service)}, matched by its path as a prefix) or an {@code HttpRouteImpl} (method predicate,
 * path matcher, handler), or an {@code HttpRouteWrap} around a route built by the application. The path a route was
 * declared with is {@code PathMatcher#matchingElement()}, added in helidon-http 4.3 (4.0-4.2 keep only the compiled
 * regular expression of a template: those versions are reported {@code failed}); the methods are
 * {@code MethodPredicate#acceptedMethods()} (empty: any method, {@code *}).
 *
 * <p>The full path is the registration paths joined, the way Helidon matches them: a service path is a prefix
 * ({@code /greet} and {@code /greet/*} alike), a route's {@code /} inside a service is the service path itself, a
 * prefix route {@code /a/*} is {@code /a/**}, a route without a path is {@code <service path>/**}; Helidon's
 * multi-segment parameter {@code {+name}} is {@code {*name}}. Not routes of their own: the any-path route through
 * which Helidon's Jersey integration (Helidon MP, {@code io.helidon.jersey.webserver.JaxRsService}) hands requests to
 * Jersey, whose routes the jersey capture reads below the path of that service ({@link #jerseyServices()}); Helidon
 * MP's any-path pass-through handler that sets up the key-performance-indicator context of each request
 * ({@code KeyPerformanceIndicatorSupport.DeferrableRequestContext.CONTEXT_SETTING_HANDLER}, it only calls
 * {@code next()}); filters, error handlers and protocol-upgrade routes. A route the
 * agent cannot read (an application's own {@code HttpRoute} or {@code PathMatcher}, a method predicate that is not a
 * {@code MethodPredicate}) is left out and the read counted as partial.
 */
public final class HelidonRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "helidon-se";

    private static final String HTTP_ROUTING = "io.helidon.webserver.http.HttpRouting";
    private static final String ROUTING = "io.helidon.webserver.Routing";
    // added in helidon-http 4.3: the path a matcher was created from
    private static final String MATCHING_ELEMENT = "matchingElement";
    private static final String ANY_MATCHER = "io.helidon.http.PathMatchers$AnyMatcher";
    private static final String ROUTE_IMPL = "io.helidon.webserver.http.HttpRouteImpl";
    private static final String ROUTE_WRAP = "io.helidon.webserver.http.HttpRouteWrap";
    private static final String SERVICE_ROUTE = "io.helidon.webserver.http.ServiceRoute";
    /** Handlers of Helidon's Jersey integration: plumbing to Jersey, whose own routes the jersey capture reads. */
    static final String JERSEY_HANDLERS = "io.helidon.jersey.";
    /** Helidon's own pass-through handlers (they call {@code next()}): the lambda's declaring class. */
    static final Set<String> PASS_THROUGH_HANDLERS = Collections.singleton(
            "io.helidon.webserver.KeyPerformanceIndicatorSupport$DeferrableRequestContext");

    // Held strongly: a running Helidon server need not be reachable from the application (WebServer.start() in main,
    // the local dropped; only its listener threads run on), so a weak reference loses it at the next GC. Forgotten
    // once it has run and stopped (STARTED: seen running). A handful of servers per JVM at most.
    private static final Set<Object> SERVERS = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>()));
    private static final Set<Object> STARTED = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>()));

    /**
     * Called by the constructor hooks for every new {@code LoomServer} and server shutdown handler, and by hook-free
     * discovery for each found live; only remembers it.
     *
     * @param server a {@code LoomServer} or its {@code ServerShutdownHandler}
     */
    public static void onServer(Object server) {
        SERVERS.add(server);
    }

    /**
     * @return the Helidon web servers not yet started or running (a {@code LoomServer}, or the shutdown handler of one
     *         that discovery found: both have the server's {@link #listeners}), one per listeners map, for the routes
     *         and the listener attribution; forgets those that ran and stopped
     */
    public static List<Object> servers() {
        List<Object> current = new ArrayList<Object>();
        synchronized (SERVERS) {
            current.addAll(SERVERS);
        }
        List<Object> out = new ArrayList<Object>();
        Map<Object, Boolean> seen = new IdentityHashMap<Object, Boolean>();
        for (Object server : current) {
            boolean running;
            try {
                running = isRunning(server);
            } catch (Throwable t) {
                running = true; // keep it; its read records the failure
            }
            if (running) {
                STARTED.add(server);
            } else if (STARTED.remove(server)) {
                SERVERS.remove(server); // stopped: serves nothing any more
                continue;
            }
            // a server and its shutdown handler share one listeners map: report it once
            Object listeners = listenersOrNull(server);
            if (listeners == null || seen.put(listeners, Boolean.TRUE) == null) {
                out.add(server);
            }
        }
        return out;
    }

    /**
     * @param server what {@link #servers()} returned
     * @return whether it runs: {@code LoomServer#isRunning()}, or the handler's {@code running} flag (the server's)
     * @throws Exception when it cannot be read
     */
    public static boolean isRunning(Object server) throws Exception {
        if (server.getClass().getName().equals(LoomServerInstrumentation.SHUTDOWN_HANDLER)) {
            Object running = field(server, "running");
            return running instanceof AtomicBoolean && ((AtomicBoolean) running).get();
        }
        return Boolean.TRUE.equals(Reflect.call(server, "isRunning"));
    }

    /**
     * @param server what {@link #servers()} returned
     * @param socket a key of its {@link #listeners}
     * @return the port the socket's listener is bound to: {@code LoomServer#port(String)}, or the listener's
     *         {@code connectedPort}
     * @throws Exception when it cannot be read
     */
    public static Object port(Object server, Object socket) throws Exception {
        if (server.getClass().getName().equals(LoomServerInstrumentation.SHUTDOWN_HANDLER)) {
            return field(listeners(server).get(socket), "connectedPort");
        }
        return Reflect.call(server, "port", new Class<?>[] {String.class}, socket);
    }

    private static Object listenersOrNull(Object server) {
        try {
            return field(server, "listeners");
        } catch (Throwable t) {
            return null;
        }
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<Route>();
        for (Object server : servers()) {
            try {
                collect(server, routes);
            } catch (Throwable t) {
                CaptureErrors.record("helidon-se.read", "could not read the HTTP routing of "
                        + server.getClass().getName(), t);
            }
        }
        return routes;
    }

    /**
     * Where Helidon's Jersey integration serves each JAX-RS application (Helidon MP registers one
     * {@code io.helidon.jersey.webserver.JaxRsService} per application, under its {@code @ApplicationPath} or
     * configured context root; Jersey sees that path as its base URI): read from the routing of every known server,
     * {@code ServiceRoute.theService}. A server that cannot be read adds nothing (its failure is recorded by
     * {@link #routes()}).
     *
     * @return each Jersey integration service to the full paths it is registered under ({@code ""} at the root);
     *         identity keys, empty when there is none
     */
    public static Map<Object, List<String>> jerseyServices() {
        Map<Object, List<String>> services = new IdentityHashMap<Object, List<String>>();
        for (Object server : servers()) {
            try {
                read(server, new ArrayList<Route>(), services, new ReadFailures("helidon-se.route", ""));
            } catch (Throwable t) {
                // recorded when routes() reads the same server
            }
        }
        return services;
    }

    private static void collect(Object server, List<Route> out) throws Exception {
        ReadFailures failures = new ReadFailures("helidon-se.route", "could not read a Helidon route (an application's"
                + " own HttpRoute, PathMatcher or method predicate): left out");
        try {
            read(server, out, null, failures);
        } finally {
            failures.record();
        }
    }

    private static void read(Object server, List<Route> out, Map<Object, List<String>> jersey,
            ReadFailures failures) throws Exception {
        for (Object listener : listeners(server).values()) {
            Object router = field(listener, "router");
            Class<?> httpRouting = Reflect.load(HTTP_ROUTING, router);
            Class<?> routing = Reflect.load(ROUTING, router);
            Object http = router == null || httpRouting == null || routing == null ? null
                    : Reflect.call(router, "routing", new Class<?>[] {Class.class, routing}, httpRouting, null);
            if (http != null) {
                walk(field(http, "rootRoute"), "", out, jersey, failures);
            }
        }
    }

    /**
     * @param server a remembered {@code LoomServer} or shutdown handler
     * @return its {@code listeners}: socket name to {@code ServerListener}
     * @throws IllegalStateException when the server has no such map (a Helidon version the agent does not know)
     */
    public static Map<?, ?> listeners(Object server) throws Exception {
        Object listeners = field(server, "listeners");
        if (!(listeners instanceof Map)) {
            throw new IllegalStateException("unsupported helidon-webserver version: no listeners map in "
                    + server.getClass().getName());
        }
        return (Map<?, ?>) listeners;
    }

    /** @param jersey where the Jersey integration services met are added with their path; {@code null}: not wanted */
    private static void walk(Object route, String prefix, List<Route> out, Map<Object, List<String>> jersey,
            ReadFailures failures) throws Exception {
        if (route == null) {
            return;
        }
        String type = route.getClass().getName();
        if (type.equals(SERVICE_ROUTE)) {
            String servicePath = join(prefix, servicePath(matchingElement(route)));
            Object service = jersey == null ? null : field(route, "theService");
            if (service != null && service.getClass().getName().startsWith(JERSEY_HANDLERS)) {
                List<String> paths = jersey.get(service);
                if (paths == null) {
                    paths = new ArrayList<String>();
                    jersey.put(service, paths);
                }
                paths.add(servicePath.equals("/") ? "" : servicePath);
            }
            Object routes = field(route, "routes");
            for (Object child : routes instanceof Collection ? (Collection<?>) routes : Collections.emptyList()) {
                walk(child, servicePath, out, jersey, failures);
            }
        } else if (type.equals(ROUTE_WRAP)) {
            Object wrapped = field(route, "route");
            if (wrapped != null && wrapped.getClass().getName().equals(ROUTE_IMPL)) {
                walk(wrapped, prefix, out, jersey, failures);
            } else {
                failures.add(new IllegalStateException("an application's own HttpRoute "
                        + (wrapped == null ? "null" : wrapped.getClass().getName())));
            }
        } else if (type.equals(ROUTE_IMPL)) {
            leaf(route, prefix, out, failures);
        } else {
            failures.add(new IllegalStateException("unknown Helidon route type " + type));
        }
    }

    private static void leaf(Object route, String prefix, List<Route> out, ReadFailures failures) throws Exception {
        String handler = handlerName(Reflect.call(route, "handler"));
        if (handler.startsWith(JERSEY_HANDLERS) || PASS_THROUGH_HANDLERS.contains(handler)) {
            return;
        }
        String element = matchingElement(route);
        List<String> methods = methods(field(route, "methodPredicate"));
        if (element == null || methods == null) {
            failures.add(new IllegalStateException((element == null ? "path matcher" : "method predicate")
                    + " of the route handled by " + handler));
            return;
        }
        String path = routePath(element);
        String full = prefix.isEmpty() ? path : path.equals("/") ? prefix : join(prefix, path);
        for (String method : methods) {
            out.add(Route.of(method, full, FRAMEWORK, handler));
        }
    }

    /**
     * @return the path a route or service route was declared with ({@code ""} for Helidon's any-path matcher), or
     *         {@code null} for a matcher the application wrote itself
     * @throws IllegalStateException when Helidon's path matchers cannot say (helidon-http before 4.3)
     */
    private static String matchingElement(Object route) throws Exception {
        Object optional = Reflect.call(route, "pathMatcher");
        Object matcher = optional == null ? null : Reflect.call(optional, "orElse", new Class<?>[] {Object.class},
                (Object) null);
        if (matcher == null) {
            return null;
        }
        if (!Reflect.has(matcher.getClass(), MATCHING_ELEMENT)) {
            throw new IllegalStateException("unsupported helidon-webserver version: no PathMatcher#matchingElement()"
                    + " (helidon-http 4.3 and later are supported): Helidon SE routes are not reported");
        }
        Object element = Reflect.call(Reflect.call(matcher, MATCHING_ELEMENT), "orElse", new Class<?>[] {Object.class},
                (Object) null);
        if (element != null) {
            return element.toString();
        }
        return matcher.getClass().getName().equals(ANY_MATCHER) ? "" : null;
    }

    /** @return the prefix a service path matches: {@code /greet} for {@code /greet} and {@code /greet/*} */
    static String servicePath(String element) {
        if (element == null) {
            throw new IllegalStateException("an application's own PathMatcher on a registered service");
        }
        String path = element.endsWith("/*") ? element.substring(0, element.length() - 2) : element;
        return helidonParameters(path);
    }

    /** @return a route's path template: {@code /a/*} is {@code /a/**}, no path (any) is {@code /**} */
    static String routePath(String element) {
        if (element.isEmpty()) {
            return "/**";
        }
        String path = element.endsWith("/*") ? element.substring(0, element.length() - 1) + "**" : element;
        return helidonParameters(path);
    }

    /** Helidon's greedy parameter {@code {+name}} (the rest of the path) is the canonical {@code {*name}}. */
    private static String helidonParameters(String path) {
        return path.replace("{+", "{*");
    }

    private static String join(String prefix, String path) {
        if (path.isEmpty() || path.equals("/")) {
            return prefix;
        }
        return (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                + (path.startsWith("/") ? path : "/" + path);
    }

    /** @return the method names a predicate accepts, {@code *} for any, {@code null} when it cannot say */
    private static List<String> methods(Object predicate) throws Exception {
        if (predicate == null || !Reflect.has(predicate.getClass(), "acceptedMethods")) {
            return null;
        }
        Object accepted = Reflect.call(predicate, "acceptedMethods");
        if (!(accepted instanceof Collection)) {
            return null;
        }
        List<String> methods = new ArrayList<String>();
        for (Object method : (Collection<?>) accepted) {
            methods.add(String.valueOf(Reflect.call(method, "text")));
        }
        if (methods.isEmpty()) {
            methods.add("*");
        }
        Collections.sort(methods);
        return methods;
    }

    /** The handler's class, or for a lambda the class that declares it (lambda class names change every run). */
    private static String handlerName(Object handler) {
        if (handler == null) {
            return "";
        }
        String name = handler.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda > 0 ? name.substring(0, lambda) : name;
    }

    private static Object field(Object target, String name) throws Exception {
        return Reflect.fieldOrNull(target, name);
    }
}
