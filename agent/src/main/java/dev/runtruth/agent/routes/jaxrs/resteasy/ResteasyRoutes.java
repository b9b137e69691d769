package dev.runtruth.agent.routes.jaxrs.resteasy;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.ServletPrefixes;
import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource methods of every started RESTEasy classic deployment in this JVM (RESTEasy 4.0+; tested with 6.2),
 * read at scrape time from {@code ResteasyDeploymentImpl#getRegistry()} by {@link ResteasyRegistry}.
 *
 * <p>Each route is prefixed with where the deployment is served: for a deployment behind RESTEasy's
 * {@code HttpServletDispatcher} (matched by its {@code getDispatcher().getRegistry()}), the servlet context path and
 * the servlet's mappings ({@code @ApplicationPath} arrives there as the mapping). A deployment behind another
 * front end (RESTEasy's {@code FilterDispatcher}, Netty, Vert.x, the JDK HTTP server) is reported from the root.
 */
public final class ResteasyRoutes implements RouteSource {

    private static final WeakObjects DEPLOYMENTS = new WeakObjects();
    private static final WeakObjects SERVLETS = new WeakObjects();
    private static final WeakObjects LEGACY_DEPLOYMENTS = new WeakObjects();

    /** @param deployment a {@code ResteasyDeploymentImpl} whose constructor just returned; only remembered (weakly) */
    public static void onDeployment(Object deployment) {
        DEPLOYMENTS.add(deployment);
    }

    /** @param servlet an {@code HttpServletDispatcher} whose constructor just returned; only remembered (weakly) */
    public static void onServlet(Object servlet) {
        SERVLETS.add(servlet);
    }

    /**
     * @param deployment a RESTEasy 3.x {@code ResteasyDeployment}: not supported; remembered (weakly) so that every
     *                   read records it as a failure and the framework reads {@code failed}, never silently empty
     */
    public static void onUnsupportedDeployment(Object deployment) {
        LEGACY_DEPLOYMENTS.add(deployment);
    }

    @Override
    public List<Route> routes() {
        for (Object legacy : LEGACY_DEPLOYMENTS.alive()) {
            CaptureErrors.record("jaxrs.resteasy.version", "unsupported RESTEasy version (3.x, "
                    + legacy.getClass().getName() + " is a class; 4.0+ is supported): its routes are not reported",
                    null);
        }
        List<Object> deployments = DEPLOYMENTS.alive();
        if (deployments.isEmpty()) {
            return Collections.emptyList();
        }
        Map<Object, List<String>> prefixes = new IdentityHashMap<Object, List<String>>();
        boolean starting = false;
        for (Object servlet : SERVLETS.alive()) {
            try {
                starting |= !servedAt(servlet, prefixes);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.resteasy.servlet", "could not read the mapping of RESTEasy servlet "
                        + servlet.getClass().getName(), t);
            }
        }
        List<Route> routes = new ArrayList<Route>();
        for (Object deployment : deployments) {
            try {
                collect(deployment, prefixes, starting, routes);
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.resteasy.read", "could not read the registry of "
                        + deployment.getClass().getName(), t);
            }
        }
        return routes;
    }

    /** @return {@code false} while the servlet is not initialised (no dispatcher or no config yet) */
    private static boolean servedAt(Object servlet, Map<Object, List<String>> prefixes) throws Exception {
        Object dispatcher;
        try {
            dispatcher = Reflect.call(servlet, "getDispatcher");
        } catch (InvocationTargetException e) {
            return false; // before init() there is no container dispatcher: NullPointerException
        }
        Object registry = dispatcher == null ? null : Reflect.call(dispatcher, "getRegistry");
        List<String> at = registry == null ? null : ServletPrefixes.ofInitialised(servlet);
        if (at == null) {
            return false;
        }
        List<String> known = prefixes.get(registry);
        if (known == null) {
            prefixes.put(registry, new ArrayList<String>(at));
        } else {
            known.addAll(at);
        }
        return true;
    }

    private static void collect(Object deployment, Map<Object, List<String>> prefixes, boolean starting,
            List<Route> out) throws Exception {
        Object registry = Reflect.call(deployment, "getRegistry");
        if (registry == null) {
            return; // not started
        }
        List<String> at = prefixes.get(registry);
        if (at == null) {
            if (starting) {
                return; // may belong to a servlet still initialising: its prefix is not known yet
            }
            at = Collections.singletonList("");
        }
        Object factory = Reflect.call(deployment, "getProviderFactory");
        Object resourceBuilder = factory == null ? null : Reflect.call(factory, "getResourceBuilder");
        List<String[]> routes = ResteasyRegistry.routes(registry, resourceBuilder);
        if (routes == null) {
            CaptureErrors.record("jaxrs.resteasy.version", "unsupported RESTEasy version (" + registry.getClass().getName()
                    + " has no getBounded()): its routes are not reported", null);
            return;
        }
        for (String[] route : routes) {
            for (String prefix : at) {
                out.add(Route.of(route[0], PathTemplate.join(prefix, route[1]), JerseyRoutes.FRAMEWORK, route[2]));
            }
        }
    }
}
