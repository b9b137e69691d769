package dev.runtruth.agent.routes.vertx;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.routes.ReadFailures;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of the remembered Vert.x routers: finds the mounted ones, walks every other router through its mounts and
 * turns each route into {@link Route}s. It never drops the family for a detail: a route that cannot be read is left
 * out, a router that cannot be read is left out, a mount whose sub-router cannot be read is reported as its path
 * prefix ({@code * /api/**}); each kind of failure is recorded once per read ({@link ReadFailures}). Not thread-safe:
 * one instance per read.
 */
final class RouterWalk {

    private static final Object NOT_A_MOUNT = new Object();

    private final VertxDispatchers dispatchers;
    private final Map<Object, Object> mounts = new IdentityHashMap<Object, Object>(); // route -> router or NOT_A_MOUNT
    private final ReadFailures routerFailures = new ReadFailures("vertx-web.read",
            "could not read the routes of a Vert.x router; the other routers are reported");
    private final ReadFailures routeFailures = new ReadFailures("vertx-web.route",
            "could not read a Vert.x route; it is left out, the other routes are reported");
    private final ReadFailures mountFailures = new ReadFailures("vertx-web.subrouter",
            "could not follow a Vert.x sub-router mount; the mount is reported as its path prefix instead of the "
                    + "sub-router's routes");

    /**
     * @param reporting the {@code framework} labels the other captures reported routes for in this read; a route
     *                  that only hands requests to one of them ({@link VertxDispatchers}) is left out
     */
    RouterWalk(Set<String> reporting) {
        this.dispatchers = new VertxDispatchers(reporting);
    }

    /** A walk that leaves nothing out as another framework's plumbing. */
    RouterWalk() {
        this(Collections.<String>emptySet());
    }

    /**
     * @param routers the live routers, in any order
     * @return the routes of every router that is not mounted in another one, sub-routers under their mount path
     */
    List<Route> read(List<Object> routers) {
        Set<Object> mounted = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        List<Object> readable = new ArrayList<Object>();
        for (Object router : routers) {
            try {
                for (Object route : VertxRoute.routes(router)) {
                    Object sub = mount(route);
                    if (sub != null) {
                        mounted.add(sub);
                    }
                }
                readable.add(router);
            } catch (Throwable t) {
                routerFailures.add(t);
            }
        }
        List<Route> out = new ArrayList<Route>();
        for (Object router : readable) {
            if (!mounted.contains(router)) {
                walk(router, "", 0, out);
            }
        }
        routerFailures.record();
        routeFailures.record();
        mountFailures.record();
        return out;
    }

    private void walk(Object router, String prefix, int depth, List<Route> out) {
        if (depth > VertxWebRoutes.MAX_DEPTH) {
            AgentLog.warn("vertx-web.depth", "Vert.x sub-routers nested deeper than " + VertxWebRoutes.MAX_DEPTH
                    + " levels (a router mounted inside itself?) are not reported");
            return;
        }
        List<?> routes;
        try {
            routes = VertxRoute.routes(router);
        } catch (Throwable t) {
            routerFailures.add(t);
            return;
        }
        for (Object route : routes) {
            try {
                add(route, prefix, depth, out);
            } catch (Throwable t) {
                routeFailures.add(t);
            }
        }
    }

    private void add(Object route, String prefix, int depth, List<Route> out) throws Exception {
        Object sub = mount(route);
        if (sub != null) {
            // the mount route only forwards to the sub-router: report the sub-router's routes instead
            walk(sub, VertxRoute.join(prefix, VertxRoute.mountPath(route)), depth + 1, out);
            return;
        }
        List<String> handlers = handlerClasses(route);
        if (handlers != null && handlers.isEmpty()) {
            return; // no request handler (failure handlers only): it answers no request, it is no route
        }
        if (VertxDispatchers.middleware(handlers)) {
            return; // a framework's own request preparation, which hands every request on: plumbing
        }
        if (dispatchers.reportedByFramework(handlers == null ? Collections.<String>emptyList() : handlers)) {
            return; // another framework's dispatch route: that framework reports what it serves
        }
        String template = VertxRoute.join(prefix, VertxRoute.template(route));
        List<String> methods = VertxRoute.methods(route);
        if (methods.isEmpty()) {
            out.add(Route.of(Route.ANY_METHOD, template, VertxWebRoutes.FRAMEWORK, ""));
        }
        for (String method : methods) {
            out.add(Route.of(method, template, VertxWebRoutes.FRAMEWORK, ""));
        }
    }

    /**
     * @return the route's handler classes, empty when it has none; {@code null} (the route is then reported) when they
     *         cannot be read
     */
    private static List<String> handlerClasses(Object route) {
        try {
            return VertxRoute.handlerClasses(route);
        } catch (Throwable t) {
            return null;
        }
    }

    /** @return the router mounted on {@code route}, or {@code null}; looked up once per route and read */
    private Object mount(Object route) throws Exception {
        Object known = mounts.get(route);
        if (known == null) {
            try {
                known = VertxRoute.subRouter(route);
            } catch (VertxRoute.SubRouterUnreadable e) {
                mountFailures.add(e);
                known = null;
            }
            known = known == null ? NOT_A_MOUNT : known;
            mounts.put(route, known);
        }
        return known == NOT_A_MOUNT ? null : known;
    }
}
