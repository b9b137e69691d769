package dev.runtruth.agent.listeners;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.grpc.GrpcRoutes;
import dev.runtruth.agent.routes.micronaut.MicronautRoutes;
import dev.runtruth.agent.routes.spring.webflux.SpringWebFluxRoutes;
import dev.runtruth.agent.routes.vertx.VertxWebRoutes;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ports of the Netty-based servers whose framework objects the route captures remember.
 * <ul>
 *   <li>Vert.x (standalone and inside Quarkus): each remembered router's {@code Vertx} (field {@code vertx} of
 *       {@code RouterImpl}, 4.5 and 5.x); its shared servers: {@code VertxImpl#sharedHttpServers()} (4.x, the HTTP
 *       servers) or {@code VertxImpl#sharedTcpServers()} (5.x, where HTTP servers are TCP servers; plain Vert.x
 *       {@code NetServer}s of the same instance count too), each {@code actualPort()}.</li>
 *   <li>gRPC: {@code io.grpc.Server#getListenSockets()} of each started server, each {@code InetSocketAddress}.</li>
 *   <li>Spring WebFlux: each {@code DispatcherHandler}'s handler mappings' {@code ApplicationContext}, or the first of
 *       its parents, that is a Spring Boot {@code WebServerApplicationContext}: {@code getWebServer()#getPort()}
 *       (Reactor Netty, and the reactive Tomcat, Jetty and Undertow servers alike).</li>
 *   <li>Micronaut 4: the {@code ApplicationContext} of a router's routes (the execution handle of a route's target
 *       method keeps it in a private field); of it the {@code EmbeddedServer} beans already created
 *       ({@code getActiveBeanRegistrations}, which creates none) that run: {@code getPort()} and, where the server
 *       has it ({@code NettyHttpServer#getBoundPorts()}), every port it is bound to, a separate management port
 *       ({@code endpoints.all.port}) included. A Micronaut whose
 *       handles no longer hold the context leaves its port unknown.</li>
 * </ul>
 */
final class NettyServerPorts {

    /** Routes of one Micronaut router looked at for its bean context (the first one normally has it). */
    static final int MAX_ROUTES_TRIED = 16;

    private NettyServerPorts() {
    }

    static final ServerPorts.Family VERTX = new ServerPorts.Family() {
        @Override
        public String name() {
            return "vertx";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            Map<Object, Boolean> seen = new IdentityHashMap<Object, Boolean>();
            for (Object router : VertxWebRoutes.routers()) {
                Object vertx = Reflect.fieldOrNull(router, "vertx");
                if (vertx == null || seen.put(vertx, Boolean.TRUE) != null) {
                    continue;
                }
                Object servers = Reflect.has(vertx.getClass(), "sharedHttpServers")
                        ? Reflect.call(vertx, "sharedHttpServers") // 4.x
                        : Reflect.call(vertx, "sharedTcpServers"); // 5.x
                if (servers instanceof Map) {
                    for (Object server : copy(((Map<?, ?>) servers).values())) {
                        ServerPorts.add(Reflect.call(server, "actualPort"), out);
                    }
                }
            }
        }
    };

    static final ServerPorts.Family GRPC = new ServerPorts.Family() {
        @Override
        public String name() {
            return "grpc";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object server : GrpcRoutes.servers()) {
                Object sockets;
                try {
                    sockets = Reflect.call(server, "getListenSockets");
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof IllegalStateException) {
                        continue; // not started yet, or terminated
                    }
                    throw e;
                }
                if (sockets instanceof Collection) {
                    for (Object address : (Collection<?>) sockets) {
                        if (address instanceof InetSocketAddress) {
                            ServerPorts.add(((InetSocketAddress) address).getPort(), out);
                        }
                    }
                }
            }
        }
    };

    static final ServerPorts.Family WEBFLUX = new ServerPorts.Family() {
        @Override
        public String name() {
            return "spring-webflux";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object handler : SpringWebFluxRoutes.dispatcherHandlers()) {
                Object mappings = Reflect.call(handler, "getHandlerMappings");
                if (!(mappings instanceof Collection)) {
                    continue; // not initialised yet
                }
                for (Object mapping : (Collection<?>) mappings) {
                    Object context = Reflect.has(mapping.getClass(), "getApplicationContext")
                            ? Reflect.call(mapping, "getApplicationContext") : null;
                    for (int depth = 0; context != null && depth < 8; depth++) {
                        if (Reflect.has(context.getClass(), "getWebServer")) {
                            Object server = Reflect.call(context, "getWebServer");
                            ServerPorts.add(server == null ? null : Reflect.call(server, "getPort"), out);
                            break;
                        }
                        context = Reflect.call(context, "getParent");
                    }
                    if (context != null) {
                        break; // every mapping of one handler lives in the same context
                    }
                }
            }
        }
    };

    static final ServerPorts.Family MICRONAUT = new ServerPorts.Family() {
        @Override
        public String name() {
            return "micronaut";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            Map<Object, Boolean> seen = new IdentityHashMap<Object, Boolean>();
            for (Object router : MicronautRoutes.routers()) {
                Object context = micronautContext(router);
                if (context == null || seen.put(context, Boolean.TRUE) != null) {
                    continue;
                }
                Class<?> type = Reflect.load("io.micronaut.runtime.server.EmbeddedServer", context);
                if (type == null || !Reflect.has(context.getClass(), "getActiveBeanRegistrations", Class.class)) {
                    continue;
                }
                Object registrations = Reflect.call(context, "getActiveBeanRegistrations", new Class<?>[] {Class.class},
                        type);
                if (registrations instanceof Collection) {
                    for (Object registration : copy((Collection<?>) registrations)) {
                        Object server = Reflect.call(registration, "getBean");
                        if (server == null || !Boolean.TRUE.equals(Reflect.call(server, "isRunning"))) {
                            continue;
                        }
                        ServerPorts.add(Reflect.call(server, "getPort"), out);
                        // every listener, also a management port (endpoints.all.port): NettyHttpServer 4.x
                        Object bound = Reflect.has(server.getClass(), "getBoundPorts")
                                ? Reflect.call(server, "getBoundPorts") : null;
                        if (bound instanceof Collection) {
                            for (Object port : copy((Collection<?>) bound)) {
                                ServerPorts.add(port, out);
                            }
                        }
                    }
                }
            }
        }
    };

    /**
     * @return the bean context of the first URI route of a Micronaut router whose target method is a bean's: the
     *         route's {@code getTargetMethod()}, a {@code DefaultBeanContext} execution handle, holds its context in a
     *         field ({@code this$0} or {@code beanContext} in 4.x; found by what it can do, not by name); or {@code
     *         null}
     */
    private static Object micronautContext(Object router) throws Exception {
        Object routes = Reflect.call(router, "uriRoutes");
        if (!(routes instanceof Stream)) {
            return null;
        }
        Iterator<?> it = ((Stream<?>) routes).iterator();
        for (int i = 0; i < MAX_ROUTES_TRIED && it.hasNext(); i++) {
            Object target = Reflect.call(it.next(), "getTargetMethod");
            for (Class<?> c = target == null ? null : target.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object value = f.get(target);
                    if (value != null && Reflect.has(value.getClass(), "getActiveBeanRegistrations", Class.class)) {
                        return value;
                    }
                }
            }
        }
        return null;
    }


    /** A framework's live collection may change while it is read: copy it, retrying a concurrent change once. */
    private static List<Object> copy(Collection<?> values) {
        try {
            return new ArrayList<Object>(values);
        } catch (ConcurrentModificationException e) {
            return values.isEmpty() ? Collections.emptyList() : new ArrayList<Object>(values);
        }
    }
}
