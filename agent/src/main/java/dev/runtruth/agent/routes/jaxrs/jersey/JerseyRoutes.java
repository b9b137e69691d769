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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource methods of every Jersey application in this JVM (Jersey 2.26+ javax, 3.x jakarta), read at scrape time
 * from each {@code ApplicationHandler}'s resource model: {@code getInjectionManager().getInstance(
 * ExtendedResourceContext.class).getResourceModel().getResources()} (the model after Jersey's model processors, as
 * routing uses it), walked by {@link JerseyResourceModel}.
 *
 * <p>Each route is prefixed with where the application is served: for a handler behind Jersey's
 * {@code ServletContainer} used as a servlet, the context path and the servlet's mappings ({@code @ApplicationPath}
 * arrives there as the mapping); used as a filter, the context path and the
 * {@code jersey.config.servlet.filter.contextPath} property. A handler behind another container (Grizzly, JDK HTTP
 * server, Netty) is reported from the root: those containers do not expose the base URI they were started with.
 */
public final class JerseyRoutes implements RouteSource {

    /** The {@code framework} label value of every JAX-RS implementation. */
    public static final String FRAMEWORK = "jaxrs";

    static final String EXTENDED_RESOURCE_CONTEXT = "org.glassfish.jersey.server.ExtendedResourceContext";
    static final String FILTER_CONTEXT_PATH = "jersey.config.servlet.filter.contextPath";

    private static final WeakObjects HANDLERS = new WeakObjects();
    private static final WeakObjects CONTAINERS = new WeakObjects();

    /** @param handler an {@code ApplicationHandler} whose constructor just returned; only remembered (weakly) */
    public static void onApplicationHandler(Object handler) {
        HANDLERS.add(handler);
    }

    /** @param container a {@code ServletContainer} whose constructor just returned; only remembered (weakly) */
    public static void onServletContainer(Object container) {
        CONTAINERS.add(container);
    }

    @Override
    public List<Route> routes() {
        List<Object> handlers = HANDLERS.alive();
        if (handlers.isEmpty()) {
            return Collections.emptyList();
        }
        Map<Object, List<String>> prefixes = new IdentityHashMap<Object, List<String>>();
        boolean starting = false;
        for (Object container : CONTAINERS.alive()) {
            try {
                starting |= !servedAt(container, prefixes);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.container", "could not read the mapping of Jersey servlet "
                        + container.getClass().getName(), t);
            }
        }
        List<Route> routes = new ArrayList<Route>();
        for (Object handler : handlers) {
            List<String> at = prefixes.get(handler);
            if (at == null) {
                if (starting) {
                    continue; // may belong to a servlet still initialising: its prefix is not known yet
                }
                at = Collections.singletonList("");
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
     * Adds the prefixes a {@code ServletContainer} serves its handler at.
     *
     * @return {@code false} while the container is not initialised (no handler or no config yet)
     */
    private static boolean servedAt(Object container, Map<Object, List<String>> prefixes) throws Exception {
        Object handler;
        try {
            handler = Reflect.call(container, "getApplicationHandler");
        } catch (InvocationTargetException e) {
            return false; // before init() the servlet has no web component: NullPointerException
        }
        if (handler == null) {
            return false;
        }
        List<String> at = ServletPrefixes.ofInitialised(container);
        if (at == null) {
            at = filterPrefix(container, handler);
        }
        if (at == null) {
            return false;
        }
        List<String> known = prefixes.get(handler);
        if (known == null) {
            prefixes.put(handler, new ArrayList<String>(at));
        } else {
            known.addAll(at);
        }
        return true;
    }

    /** Jersey's {@code ServletContainer} as a filter: context path + {@code jersey.config.servlet.filter.contextPath}. */
    private static List<String> filterPrefix(Object container, Object handler) throws Exception {
        Object config = Reflect.call(container, "getFilterConfig");
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
        String joined = PathTemplate.join(String.valueOf(Reflect.call(context, "getContextPath")),
                filterPath == null ? "" : filterPath.toString());
        return Collections.singletonList(joined.equals("/") ? "" : joined);
    }

    private static void collect(Object handler, List<String> prefixes, List<Route> out) throws Exception {
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
            context = Reflect.call(injectionManager, "getInstance", new Class<?>[] {Class.class}, contextType);
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
            for (String prefix : prefixes) {
                out.add(Route.of(route[0], PathTemplate.join(prefix, route[1]), FRAMEWORK, route[2]));
            }
        }
    }
}
