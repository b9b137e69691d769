package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.ServletPrefixes;
import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource methods of every Jersey application in this JVM (Jersey 2.26+ javax, 3.x and 4.x jakarta), read at scrape time
 * from each {@code ApplicationHandler}'s resource model: {@code getInjectionManager().getInstance(
 * ExtendedResourceContext.class).getResourceModel().getResources()} (the model after Jersey's model processors, as
 * routing uses it), walked by {@link JerseyResourceModel}.
 *
 * <p>Each route is prefixed with where the application is served: for a handler behind Jersey's
 * {@code ServletContainer} used as a servlet, the context path and the servlet's mappings ({@code @ApplicationPath}
 * arrives there as the mapping); used as a filter, the context path and the
 * {@code jersey.config.servlet.filter.contextPath} property, each route then narrowed to what the filter's
 * url-patterns let through ({@link FilterMapping}: Eureka's {@code {version}/apps} behind {@code /eureka/*} is
 * {@code /eureka/apps}). Behind Jersey's Grizzly container, the context path of the container's Grizzly registration
 * ({@code ServerConfiguration#getHttpHandlersWithMapping()}: the path of the base URI given to
 * {@code GrizzlyHttpServerFactory}). Behind Jersey's JDK HTTP server container, the path of the server context it is
 * registered under ({@link JdkHttpMounts}: the base URI's path given to {@code JdkHttpServerFactory}). Behind Jersey's
 * Jetty HTTP container, the root ({@link JettyHttpMounts}: {@code JettyHttpContainerFactory} ignores the base URI's
 * path). A handler of those containers whose server is not started yet serves nothing and is left out of the read. On
 * Helidon's WebServer (Helidon MP), the path its {@code JaxRsService} is registered under ({@link HelidonMounts}); a
 * Helidon handler not yet on a server's routing is left out until it is. A handler behind another container (Netty,
 * Simple) is reported from the root: those containers do not expose the base URI they were started with.
 *
 * <p>Helidon MP with several JAX-RS applications shares one injection manager between them: the resource context
 * read is the one Jersey built with the handler's own injection manager ({@link #resourceContext}).
 */
public final class JerseyRoutes implements RouteSource {

    /** The {@code framework} label value of every JAX-RS implementation. */
    public static final String FRAMEWORK = "jaxrs";

    static final String EXTENDED_RESOURCE_CONTEXT = "org.glassfish.jersey.server.ExtendedResourceContext";
    static final String FILTER_CONTEXT_PATH = "jersey.config.servlet.filter.contextPath";

    private static final WeakObjects HANDLERS = new WeakObjects();
    private static final WeakObjects CONTAINERS = new WeakObjects();
    private static final WeakObjects GRIZZLY_SERVERS = new WeakObjects();
    private static final WeakObjects JDK_HTTP_CONTAINERS = new WeakObjects();
    private static final WeakObjects JETTY_HTTP_CONTAINERS = new WeakObjects();
    static final String GRIZZLY_CONTAINER = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer";

    /** @param handler an {@code ApplicationHandler} whose constructor just returned; only remembered (weakly) */
    public static void onApplicationHandler(Object handler) {
        HANDLERS.add(handler);
    }

    /** @param container a {@code ServletContainer} whose constructor just returned; only remembered (weakly) */
    public static void onServletContainer(Object container) {
        CONTAINERS.add(container);
    }

    /** @param service a Helidon {@code JaxRsService} whose constructor just returned; only remembered (weakly) */
    public static void onHelidonService(Object service) {
        HelidonMounts.onService(service);
    }

    /** @param server a Grizzly {@code HttpServer} whose constructor just returned; only remembered (weakly) */
    public static void onGrizzlyServer(Object server) {
        GRIZZLY_SERVERS.add(server);
    }

    /** @param container a {@code JdkHttpHandlerContainer} whose constructor just returned; only remembered (weakly) */
    public static void onJdkHttpContainer(Object container) {
        JDK_HTTP_CONTAINERS.add(container);
    }

    /** @param container a {@code JettyHttpContainer} whose constructor just returned; only remembered (weakly) */
    public static void onJettyHttpContainer(Object container) {
        JETTY_HTTP_CONTAINERS.add(container);
    }

    /**
     * @param out receives the bound port of each started JDK HTTP server that serves a Jersey container
     * @throws Exception when a JDK object cannot be read
     */
    public static void jdkHttpPorts(Set<Integer> out) throws Exception {
        if (!JDK_HTTP_CONTAINERS.alive().isEmpty()) {
            JdkHttpMounts.read(new IdentityHashMap<Object, List<String>>(), out);
        }
    }

    /**
     * @return the bound ports (as the connectors report them, -1 until open) of the started Jetty servers that
     *         serve a Jersey Jetty HTTP container
     * @throws Exception when Jetty cannot be read
     */
    public static List<Object> jettyHttpPorts() throws Exception {
        List<Object> ports = new ArrayList<Object>();
        for (Object container : JETTY_HTTP_CONTAINERS.alive()) {
            Object server = JettyHttpMounts.startedServer(container);
            if (server != null) {
                ports.addAll(JettyHttpMounts.ports(server));
            }
        }
        return ports;
    }

    /** @return the Grizzly servers alive now (Jersey's or not), for their listener ports */
    public static List<Object> grizzlyServers() {
        return GRIZZLY_SERVERS.alive();
    }

    @Override
    public List<Route> routes() {
        List<Object> handlers = withContainersHandlers(HANDLERS.alive());
        if (handlers.isEmpty()) {
            return Collections.emptyList();
        }
        Map<Object, List<Mount>> mounts = new IdentityHashMap<Object, List<Mount>>();
        boolean starting = false;
        for (Object container : CONTAINERS.alive()) {
            try {
                starting |= !servedAt(container, mounts);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.container", "could not read the mapping of Jersey servlet "
                        + container.getClass().getName(), t);
            }
        }
        for (Object server : GRIZZLY_SERVERS.alive()) {
            try {
                grizzlyMounts(server, mounts);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.grizzly", "could not read the handler mappings of Grizzly server "
                        + server.getClass().getName(), t);
            }
        }
        Set<Object> notServing = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        ownServerMounts(mounts, notServing);
        HelidonMounts.addTo(mounts);
        notServing.addAll(HelidonMounts.handlers());
        List<Route> routes = new ArrayList<Route>();
        for (Object handler : handlers) {
            List<Mount> at = mounts.get(handler);
            if (at == null) {
                if (starting || notServing.contains(handler)) {
                    continue; // may belong to a servlet still initialising: its prefix is not known yet
                }
                at = Collections.singletonList(Mount.ROOT);
            }
            try {
                collect(handler, at, routes);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.read", "could not read the resource model of "
                        + handler.getClass().getName(), t);
            }
        }
        return routes;
    }

    /**
     * Adds where Jersey's JDK HTTP and Jetty HTTP containers serve their handlers; a handler whose container is not
     * served by a started server goes into {@code notServing}. Failures are recorded, per container kind.
     */
    private static void ownServerMounts(Map<Object, List<Mount>> mounts, Set<Object> notServing) {
        List<Object> jdkContainers = JDK_HTTP_CONTAINERS.alive();
        if (!jdkContainers.isEmpty()) {
            try {
                Map<Object, List<String>> served = new IdentityHashMap<Object, List<String>>();
                JdkHttpMounts.read(served, null);
                for (Object container : jdkContainers) {
                    Object handler = Reflect.call(container, "getApplicationHandler");
                    List<String> prefixes = handler == null ? null : served.get(handler);
                    if (prefixes == null) {
                        notServing.add(handler);
                        continue;
                    }
                    for (String prefix : prefixes) {
                        mount(mounts, handler, new Mount(prefix, "", null));
                    }
                }
            } catch (Throwable t) {
                // where they are served is unknown: leave their routes out rather than report them at the root
                for (Object container : jdkContainers) {
                    notServing.add(applicationHandlerOrNull(container));
                }
                CaptureErrors.record("jaxrs.jersey.jdkhttp", "could not read the contexts of the JDK HTTP servers "
                        + "that serve Jersey (their routes are left out)", t);
            }
        }
        for (Object container : JETTY_HTTP_CONTAINERS.alive()) {
            try {
                Object handler = Reflect.call(container, "getApplicationHandler");
                Object server = JettyHttpMounts.startedServer(container);
                if (server == null) {
                    notServing.add(handler);
                } else {
                    mount(mounts, handler, Mount.ROOT);
                }
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.jettyhttp", "could not read the Jetty server of Jersey container "
                        + container.getClass().getName(), t);
            }
        }
    }

    /**
     * @param remembered the application handlers hooked or found by a walk
     * @return those, plus the handler each known Jersey container (servlet or filter, JDK HTTP, Jetty HTTP) holds by
     *         now ({@code Container#getApplicationHandler()}): Spring Boot's Jersey servlet builds its
     *         {@code ApplicationHandler} at its first request, after the walks at start: a container remembered
     *         before it built its handler would otherwise wait for another walk; so the containers are asked at every
     *         read
     */
    private static List<Object> withContainersHandlers(List<Object> remembered) {
        Set<Object> all = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        all.addAll(remembered);
        List<Object> handlers = new ArrayList<Object>(remembered);
        for (WeakObjects containers : new WeakObjects[] {CONTAINERS, JDK_HTTP_CONTAINERS, JETTY_HTTP_CONTAINERS}) {
            for (Object container : containers.alive()) {
                Object handler = applicationHandlerOrNull(container);
                if (handler != null && all.add(handler)) {
                    handlers.add(handler);
                }
            }
        }
        return handlers;
    }

    private static Object applicationHandlerOrNull(Object container) {
        try {
            return Reflect.call(container, "getApplicationHandler");
        } catch (Throwable t) {
            return null;
        }
    }

    private static void mount(Map<Object, List<Mount>> mounts, Object handler, Mount mount) {
        List<Mount> at = mounts.get(handler);
        if (at == null) {
            at = new ArrayList<Mount>();
            mounts.put(handler, at);
        }
        at.add(mount);
    }

    /**
     * Adds where each Jersey container of a Grizzly server serves its handler: {@code getServerConfiguration()
     * .getHttpHandlersWithMapping()}, a map from each {@code HttpHandler} to its {@code HttpHandlerRegistration}s,
     * each with {@code getContextPath()} ({@code ""} for the root).
     */
    private static void grizzlyMounts(Object server, Map<Object, List<Mount>> mounts) throws Exception {
        Object configuration = Reflect.call(server, "getServerConfiguration");
        Object mapping = configuration == null ? null : Reflect.call(configuration, "getHttpHandlersWithMapping");
        if (!(mapping instanceof Map)) {
            return;
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) mapping).entrySet()) {
            Object container = entry.getKey();
            if (container == null || !Reflect.isSubclassOf(container.getClass(), GRIZZLY_CONTAINER)) {
                continue;
            }
            Object handler = Reflect.call(container, "getApplicationHandler");
            if (handler == null || !(entry.getValue() instanceof Object[])) {
                continue;
            }
            List<Mount> at = mounts.get(handler);
            if (at == null) {
                at = new ArrayList<Mount>();
                mounts.put(handler, at);
            }
            for (Object registration : (Object[]) entry.getValue()) {
                Object contextPath = Reflect.call(registration, "getContextPath");
                String prefix = contextPath == null ? "" : PathTemplate.join(contextPath.toString());
                at.add(new Mount(prefix.equals("/") ? "" : prefix, "", null));
            }
        }
    }

    /** Where a handler is served: a base prefix, and for a filter the url-patterns that narrow it. */
    static final class Mount {

        static final Mount ROOT = new Mount("", "", null);

        final String prefix;
        final String contextPath;
        final Collection<String> filterPatterns;

        Mount(String prefix, String contextPath, Collection<String> filterPatterns) {
            this.prefix = prefix;
            this.contextPath = contextPath;
            this.filterPatterns = filterPatterns;
        }

        List<String> paths(String route) {
            String path = PathTemplate.join(prefix, route);
            return filterPatterns == null ? Collections.singletonList(path)
                    : FilterMapping.served(contextPath, path, filterPatterns);
        }
    }

    /**
     * Adds where a {@code ServletContainer} serves its handler.
     *
     * @return {@code false} while the container is not initialised (no handler or no config yet)
     */
    private static boolean servedAt(Object container, Map<Object, List<Mount>> mounts) throws Exception {
        Object handler;
        try {
            handler = Reflect.call(container, "getApplicationHandler");
        } catch (InvocationTargetException e) {
            return false; // before init() the servlet has no web component: NullPointerException
        }
        if (handler == null) {
            return false;
        }
        List<Mount> at = new ArrayList<Mount>();
        List<String> servletPrefixes = ServletPrefixes.ofInitialised(container);
        if (servletPrefixes != null) {
            for (String prefix : servletPrefixes) {
                at.add(new Mount(prefix, "", null));
            }
        } else {
            Mount filter = filterMount(container, handler);
            if (filter == null) {
                return false;
            }
            at.add(filter);
        }
        List<Mount> known = mounts.get(handler);
        if (known == null) {
            mounts.put(handler, at);
        } else {
            known.addAll(at);
        }
        return true;
    }

    /**
     * Jersey's {@code ServletContainer} as a filter: its {@code FilterConfig} is a private field ({@code filterConfig},
     * Jersey 2.x and 3.x; there is no accessor). Base: context path + {@code jersey.config.servlet.filter.contextPath}
     * (init parameter, else the application's property); narrowed by the filter's url-patterns
     * ({@code ServletContext#getFilterRegistration(name).getUrlPatternMappings()}).
     *
     * @return {@code null} before {@code init(FilterConfig)}
     */
    private static Mount filterMount(Object container, Object handler) throws Exception {
        Object config = Reflect.field(container, "filterConfig");
        Object context = config == null ? null : Reflect.call(config, "getServletContext");
        if (context == null) {
            return null;
        }
        Object filterPath = Reflect.call(config, "getInitParameter", new Class<?>[] {String.class},
                FILTER_CONTEXT_PATH);
        if (filterPath == null) {
            Object configuration = Reflect.call(handler, "getConfiguration");
            filterPath = configuration == null ? null : Reflect.call(configuration, "getProperty",
                    new Class<?>[] {String.class}, FILTER_CONTEXT_PATH);
        }
        String contextPath = String.valueOf(Reflect.call(context, "getContextPath"));
        String joined = PathTemplate.join(contextPath, filterPath == null ? "" : filterPath.toString());
        Object filterName = Reflect.call(config, "getFilterName");
        Object registration = filterName == null ? null : Reflect.call(context, "getFilterRegistration",
                new Class<?>[] {String.class}, filterName);
        Object patterns = registration == null ? null : Reflect.call(registration, "getUrlPatternMappings");
        List<String> filterPatterns = new ArrayList<String>();
        if (patterns instanceof Collection) {
            for (Object pattern : (Collection<?>) patterns) {
                filterPatterns.add(String.valueOf(pattern));
            }
        }
        return new Mount(joined.equals("/") ? "" : joined, contextPath, filterPatterns.isEmpty() ? null
                : filterPatterns);
    }

    /**
     * The resource context of the handler whose injection manager is given. Normally the only one that manager holds.
     * Helidon MP with several JAX-RS applications gives each handler a manager of its own that shares one HK2
     * locator with the others ({@code HelidonInjectionManager}): the contexts of all applications sit there and
     * {@code getInstance} answers the first; the handler's own is the one whose functions Jersey built around this
     * manager ({@code JerseyResourceContext} keeps {@code injectionManager::register} and the like).
     *
     * @return the context, or {@code null} when there is none
     * @throws IllegalStateException when several are found and none was built with this manager
     */
    private static Object resourceContext(Object injectionManager, Class<?> contextType) throws Exception {
        Object all = Reflect.call(injectionManager, "getAllInstances", new Class<?>[] {Type.class}, contextType);
        if (!(all instanceof List) || ((List<?>) all).size() <= 1) {
            return Reflect.call(injectionManager, "getInstance", new Class<?>[] {Class.class}, contextType);
        }
        for (Object context : (List<?>) all) {
            if (context != null && Reflect.capturesInField(context, injectionManager)) {
                return context;
            }
        }
        throw new IllegalStateException(((List<?>) all).size() + " Jersey resource contexts share the injection"
                + " manager " + injectionManager.getClass().getName() + " and none was built with it: the routes of"
                + " its application are not reported");
    }

    private static void collect(Object handler, List<Mount> mounts, List<Route> out) throws Exception {
        if (!Reflect.has(handler.getClass(), "getInjectionManager")) { // added in Jersey 2.26
            CaptureErrors.record("jaxrs.jersey.version", "unsupported Jersey version (ApplicationHandler has no "
                    + "getInjectionManager(); 2.26+ is supported): its routes are not reported", null);
            return;
        }
        Class<?> contextType = Reflect.load(EXTENDED_RESOURCE_CONTEXT, handler);
        Object injectionManager = Reflect.call(handler, "getInjectionManager");
        if (contextType == null || injectionManager == null) {
            return;
        }
        Object context;
        try {
            context = resourceContext(injectionManager, contextType);
        } catch (InvocationTargetException e) {
            // a handler that was shut down (undeployed, or replaced by a container reload) has no services left
            AgentLog.debug("Jersey application handler without services, skipped: " + e.getCause());
            return;
        }
        Object model = context == null ? null : Reflect.call(context, "getResourceModel");
        if (model == null) {
            return; // still initialising
        }
        Collection<?> roots = (Collection<?>) Reflect.call(model, "getResources");
        for (String[] route : JerseyResourceModel.routes(roots, handler.getClass().getClassLoader())) {
            for (Mount mount : mounts) {
                for (String path : mount.paths(route[1])) {
                    out.add(Route.of(route[0], path, FRAMEWORK, route[2]));
                }
            }
        }
    }
}
