package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.spring.PredicateRoutes.Alternative;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Lists the routes of a Spring functional endpoint ({@code RouterFunctionMapping#getRouterFunction()}) by walking it
 * with a {@code RouterFunctions.Visitor}. Spring MVC ({@code org.springframework.web.servlet.function}, spring-webmvc
 * 5.2+) and WebFlux ({@code org.springframework.web.reactive.function.server}, spring-webflux 5.2+) declare the same
 * visitor in their own package: {@code startNested}, {@code endNested}, {@code route(RequestPredicate,
 * HandlerFunction)}, {@code resources}, {@code attributes}, {@code unknown}.
 *
 * <p>Unlike Spring Boot's actuator, which prints each route's own predicate only, the path of a nested route includes
 * the paths of the {@code nest(...)} predicates around it: it is the path a client requests. Resource lookups
 * ({@code RouterFunctions.resources}) are not listed, as in the actuator.
 */
public final class RouterFunctionRoutes {

    /** Package of Spring MVC's functional endpoints (spring-webmvc 5.2+). */
    public static final String WEBMVC = "org.springframework.web.servlet.function";

    /** Package of Spring WebFlux's functional endpoints (spring-webflux 5.2+). */
    public static final String WEBFLUX = "org.springframework.web.reactive.function.server";

    /** One route: methods ({@code null} = any), path, and the handler class. */
    public static final class Entry {
        final Alternative alternative;
        final String handler;

        Entry(Alternative alternative, String handler) {
            this.alternative = alternative;
            this.handler = handler;
        }

        /** @return the accepted HTTP method names, e.g. {@code [GET, HEAD]}; {@code null} when any method matches */
        public Set<String> methods() {
            return alternative.methods;
        }

        /** @return the path pattern including enclosing {@code nest(..)} paths; {@code null} when any path matches */
        public String path() {
            return alternative.path;
        }

        /** @return the class that declared the handler function, see {@link #handlerName(Object)} */
        public String handler() {
            return handler;
        }
    }

    private RouterFunctionRoutes() {
    }

    /**
     * @param routerFunction a {@code org.springframework.web.servlet.function.RouterFunction}
     * @return every route it dispatches to
     */
    static List<Entry> entries(Object routerFunction) throws Exception {
        return entries(routerFunction, WEBMVC);
    }

    /**
     * @param routerFunction  a {@code RouterFunction} of {@code functionPackage}
     * @param functionPackage {@link #WEBMVC} or {@link #WEBFLUX}: where {@code RouterFunctions$Visitor} and
     *                        {@code RequestPredicates$Visitor} are
     * @return every route it dispatches to
     * @throws Exception when the visitor types cannot be loaded from the router function's class loader, or walking
     *                   fails
     */
    public static List<Entry> entries(Object routerFunction, String functionPackage) throws Exception {
        Class<?> visitorType = Class.forName(functionPackage + ".RouterFunctions$Visitor",
                false, routerFunction.getClass().getClassLoader());
        Walker walker = new Walker(functionPackage);
        Object visitor = Proxy.newProxyInstance(visitorType.getClassLoader(), new Class<?>[] {visitorType}, walker);
        Reflect.call(routerFunction, "accept", new Class<?>[] {visitorType}, visitor);
        if (walker.failure != null) {
            throw walker.failure;
        }
        return walker.entries;
    }

    /** Handler label: the class that declared the handler function, without the synthetic lambda suffix. */
    static String handlerName(Object handlerFunction) {
        String name = handlerFunction.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda > 0 ? name.substring(0, lambda) : name;
    }

    private static final class Walker implements InvocationHandler {

        private final String functionPackage;
        private final Deque<List<Alternative>> nested = new ArrayDeque<List<Alternative>>();
        private final List<Entry> entries = new ArrayList<Entry>();
        private Exception failure;

        Walker(String functionPackage) {
            this.functionPackage = functionPackage;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return name.equals("hashCode") ? System.identityHashCode(proxy)
                        : name.equals("equals") ? proxy == args[0] : "runtruth router visitor";
            }
            try {
                if (name.equals("startNested")) {
                    nested.push(PredicateRoutes.alternatives(args[0], functionPackage));
                } else if (name.equals("endNested") && !nested.isEmpty()) {
                    nested.pop();
                } else if (name.equals("route")) {
                    route(args[0], args[1]);
                }
            } catch (Exception e) {
                failure = e;
            }
            return null;
        }

        private void route(Object predicate, Object handlerFunction) throws Exception {
            List<Alternative> combined = Collections.singletonList(PredicateRoutes.ANY);
            List<List<Alternative>> outerFirst = new ArrayList<List<Alternative>>(nested);
            Collections.reverse(outerFirst);
            for (List<Alternative> level : outerFirst) {
                combined = nest(combined, level);
            }
            combined = nest(combined, PredicateRoutes.alternatives(predicate, functionPackage));
            String handler = handlerName(handlerFunction);
            for (Alternative alternative : combined) {
                entries.add(new Entry(alternative, handler));
            }
        }

        /** AND of an outer and an inner predicate, where the inner path is relative to the outer one. */
        private static List<Alternative> nest(List<Alternative> outer, List<Alternative> inner) {
            List<Alternative> out = new ArrayList<Alternative>();
            for (Alternative o : outer) {
                for (Alternative i : inner) {
                    Alternative methodsOnly = PredicateRoutes.and(Collections.singletonList(o),
                            Collections.singletonList(new Alternative(i.methods, null))).get(0);
                    String path = o.path == null ? i.path : i.path == null ? o.path : o.path + i.path;
                    out.add(new Alternative(methodsOnly.methods, path));
                }
            }
            return out;
        }
    }
}
