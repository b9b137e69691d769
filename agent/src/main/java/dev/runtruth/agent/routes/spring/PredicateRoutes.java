package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.routes.Reflect;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a Spring functional-endpoint {@code RequestPredicate} into the (methods, path) alternatives it accepts, by
 * walking it with a {@code RequestPredicates.Visitor} (spring-webmvc and spring-webflux 5.2+, each in its own
 * package, see {@link RouterFunctionRoutes#WEBMVC}; the visitor's callbacks are
 * {@code method(Set<HttpMethod>)}, {@code path(String)}, {@code startAnd/and/endAnd}, {@code startOr/or/endOr},
 * {@code startNegate/endNegate} and others that do not constrain method or path).
 *
 * <p>AND combines alternatives pairwise (methods intersect, the path is the one given); OR unions them; a negated
 * predicate constrains neither method nor path.
 */
final class PredicateRoutes {

    /** One accepted (method set, path) pair; {@code methods == null} means any method, {@code path == null} any path. */
    static final class Alternative {
        final Set<String> methods;
        final String path;

        Alternative(Set<String> methods, String path) {
            this.methods = methods;
            this.path = path;
        }
    }

    static final Alternative ANY = new Alternative(null, null);

    private PredicateRoutes() {
    }

    /**
     * @param predicate       a {@code RequestPredicate} of {@code functionPackage}
     * @param functionPackage {@link RouterFunctionRoutes#WEBMVC} or {@link RouterFunctionRoutes#WEBFLUX}
     * @return its alternatives, at least one
     */
    static List<Alternative> alternatives(Object predicate, String functionPackage) throws Exception {
        Class<?> visitorType = Class.forName(functionPackage + ".RequestPredicates$Visitor",
                false, predicate.getClass().getClassLoader());
        Collector collector = new Collector();
        Object visitor = Proxy.newProxyInstance(visitorType.getClassLoader(), new Class<?>[] {visitorType}, collector);
        Reflect.call(predicate, "accept", new Class<?>[] {visitorType}, visitor);
        return collector.result();
    }

    /** Combines two alternative lists as AND does. */
    static List<Alternative> and(List<Alternative> left, List<Alternative> right) {
        List<Alternative> out = new ArrayList<Alternative>();
        for (Alternative a : left) {
            for (Alternative b : right) {
                Set<String> methods;
                if (a.methods == null) {
                    methods = b.methods;
                } else if (b.methods == null) {
                    methods = a.methods;
                } else {
                    methods = new LinkedHashSet<String>(a.methods);
                    methods.retainAll(b.methods);
                }
                out.add(new Alternative(methods, b.path != null ? b.path : a.path));
            }
        }
        return out;
    }

    /** Receives the visitor callbacks and folds them into alternatives with a stack of open AND/OR/NOT groups. */
    private static final class Collector implements InvocationHandler {

        private static final class Group {
            final String kind;
            final List<List<Alternative>> operands = new ArrayList<List<Alternative>>();

            Group(String kind) {
                this.kind = kind;
            }
        }

        private final Deque<Group> open = new ArrayDeque<Group>();
        private final List<List<Alternative>> top = new ArrayList<List<Alternative>>();

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, name, args);
            }
            if (name.equals("method") && args != null && args[0] instanceof Collection) {
                Set<String> methods = new LinkedHashSet<String>();
                for (Object m : (Collection<?>) args[0]) {
                    methods.add(methodName(m));
                }
                add(Collections.singletonList(new Alternative(methods, null)));
            } else if (name.equals("path") && args != null && args[0] instanceof String) {
                add(Collections.singletonList(new Alternative(null, (String) args[0])));
            } else if (name.equals("startAnd") || name.equals("startOr") || name.equals("startNegate")) {
                open.push(new Group(name.substring("start".length())));
            } else if ((name.equals("endAnd") || name.equals("endOr") || name.equals("endNegate")) && !open.isEmpty()) {
                Group group = open.pop();
                add(fold(group));
            } else if (!name.equals("and") && !name.equals("or")) {
                // header, param, pathExtension, version, unknown, ...: constrain neither method nor path
                add(Collections.singletonList(ANY));
            }
            return null;
        }

        private void add(List<Alternative> operand) {
            if (open.isEmpty()) {
                top.add(operand);
            } else {
                open.peek().operands.add(operand);
            }
        }

        private static List<Alternative> fold(Group group) {
            if (group.kind.equals("Negate") || group.operands.isEmpty()) {
                return Collections.singletonList(ANY);
            }
            List<Alternative> result = group.kind.equals("Or") ? new ArrayList<Alternative>() : null;
            for (List<Alternative> operand : group.operands) {
                if (result == null) {
                    result = operand;
                } else if (group.kind.equals("Or")) {
                    result.addAll(operand);
                } else {
                    result = and(result, operand);
                }
            }
            return result;
        }

        List<Alternative> result() {
            List<Alternative> result = Collections.singletonList(ANY);
            for (List<Alternative> operand : top) {
                result = and(result, operand);
            }
            return result;
        }

        private static String methodName(Object httpMethod) {
            try {
                Object name = Reflect.call(httpMethod, "name");
                return String.valueOf(name != null ? name : httpMethod);
            } catch (Exception e) {
                return String.valueOf(httpMethod);
            }
        }

        private static Object objectMethod(Object proxy, String name, Object[] args) {
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            return "runtruth predicate visitor";
        }
    }
}
