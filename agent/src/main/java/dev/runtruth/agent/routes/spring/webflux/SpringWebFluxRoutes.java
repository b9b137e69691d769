package dev.runtruth.agent.routes.spring.webflux;

import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.agent.routes.spring.RouterFunctionRoutes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of every Spring WebFlux {@code DispatcherHandler} in this JVM, read from its handler mappings at scrape
 * time.
 *
 * <p>What is listed follows Spring Boot's {@code /actuator/mappings} under {@code dispatcherHandlers}
 * ({@code DispatcherHandlersMappingDescriptionProvider}, Boot 2.0-4.1): {@code RequestMappingInfoHandlerMapping
 * #getHandlerMethods()} (annotated handler methods, including those added later with {@code registerMapping}; patterns
 * from {@code getPatternsCondition().getPatterns()}, each a {@code PathPattern}), {@code AbstractUrlHandlerMapping
 * #getHandlerMap()} (keys are {@code PathPattern}s: resource handlers such as {@code /webjars/**}) and
 * {@code RouterFunctionMapping#getRouterFunction()} (functional endpoints). Each route is prefixed with the
 * {@linkplain WebFluxBasePath base path}, so it is the path a client requests.
 *
 * <p>A {@code DispatcherHandler} finds its handler mappings in {@code setApplicationContext}, right after it is
 * created as a bean; until then it has none and, as the agent knows no context for it yet, lists nothing.
 */
public final class SpringWebFluxRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "spring-webflux";

    private static final String RMI_MAPPING = "org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping";
    private static final String URL_MAPPING = "org.springframework.web.reactive.handler.AbstractUrlHandlerMapping";
    private static final String ROUTER_MAPPING =
            "org.springframework.web.reactive.function.server.support.RouterFunctionMapping";
    // added in spring-webflux 5.2, with the accept(Visitor) methods of every built-in predicate
    private static final String PREDICATE_VISITOR = RouterFunctionRoutes.WEBFLUX + ".RequestPredicates$Visitor";

    private static final WeakObjects HANDLERS = new WeakObjects();

    /**
     * Called by the constructor hook for every new {@code DispatcherHandler}; only remembers it (weakly).
     *
     * @param dispatcherHandler the dispatcher handler under construction
     */
    public static void onDispatcherHandler(Object dispatcherHandler) {
        HANDLERS.add(dispatcherHandler);
    }

    /** @return the {@code DispatcherHandler}s still alive, for the listener attribution */
    public static List<Object> dispatcherHandlers() {
        return HANDLERS.alive();
    }

    @Override
    public List<Route> routes() {
        return HANDLERS.readEach("spring-webflux.read", "could not read the handler mappings of",
                SpringWebFluxRoutes::collect);
    }

    private static void collect(Object dispatcherHandler, List<Route> out) throws Exception {
        Collection<?> mappings = (Collection<?>) Reflect.call(dispatcherHandler, "getHandlerMappings");
        if (mappings == null) {
            return; // not initialised yet: try again at the next scrape
        }
        Object context = applicationContext(mappings);
        if (context != null && Boolean.FALSE.equals(Reflect.call(context, "isActive"))) {
            return;
        }
        String basePath = WebFluxBasePath.of(context);
        if (basePath == null) {
            return; // the context is still starting up
        }
        List<String[]> declared = new ArrayList<String[]>();
        for (Object mapping : mappings) {
            describe(mapping, declared);
        }
        for (String[] route : declared) {
            out.add(Route.of(route[0], PathTemplate.join(basePath, route[1]), FRAMEWORK, route[2]));
        }
    }

    /** The context of the first mapping that has one ({@code ApplicationObjectSupport#getApplicationContext()}). */
    private static Object applicationContext(Collection<?> mappings) {
        for (Object mapping : mappings) {
            try {
                Object context = Reflect.call(mapping, "getApplicationContext");
                if (context != null) {
                    return context;
                }
            } catch (Exception e) {
                // not an ApplicationObjectSupport, or one outside a context: ask the next mapping
            }
        }
        return null;
    }

    /** Appends {method, pattern, handler} for each mapping the actuator would describe. */
    private static void describe(Object mapping, List<String[]> out) throws Exception {
        Class<?> type = mapping.getClass();
        if (Reflect.isSubclassOf(type, RMI_MAPPING)) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) Reflect.call(mapping, "getHandlerMethods")).entrySet()) {
                handlerMethod(entry.getKey(), entry.getValue(), out);
            }
        } else if (Reflect.isSubclassOf(type, URL_MAPPING)) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) Reflect.call(mapping, "getHandlerMap")).entrySet()) {
                Object handler = entry.getValue();
                String name = handler instanceof String ? (String) handler : handler.getClass().getName();
                out.add(new String[] {Route.ANY_METHOD, patternString(entry.getKey()), name});
            }
        } else if (Reflect.isSubclassOf(type, ROUTER_MAPPING)) {
            Object routerFunction = Reflect.call(mapping, "getRouterFunction");
            if (routerFunction == null) {
                return;
            }
            if (Reflect.load(PREDICATE_VISITOR, type.getClassLoader()) == null) {
                CaptureErrors.record("spring-webflux.version", "unsupported spring-webflux version (no "
                        + PREDICATE_VISITOR + "; 5.2+ is supported): functional routes are not reported", null);
                return;
            }
            for (RouterFunctionRoutes.Entry entry : RouterFunctionRoutes.entries(routerFunction,
                    RouterFunctionRoutes.WEBFLUX)) {
                String path = entry.path() == null ? "/**" : entry.path();
                Set<String> methods = entry.methods();
                for (String method : methods == null ? Collections.singleton(Route.ANY_METHOD) : methods) {
                    out.add(new String[] {method, path, entry.handler()});
                }
            }
        }
    }

    private static void handlerMethod(Object info, Object handlerMethod, List<String[]> out) throws Exception {
        Object patternsCondition = Reflect.call(info, "getPatternsCondition");
        Collection<?> patterns = patternsCondition == null ? null
                : (Collection<?>) Reflect.call(patternsCondition, "getPatterns");
        if (patterns == null) {
            CaptureErrors.record("spring-webflux.version", "unsupported spring-webflux version (RequestMappingInfo has no "
                    + "getPatternsCondition().getPatterns()): annotated routes are not reported", null);
            return;
        }
        Set<?> methods = (Set<?>) Reflect.call(Reflect.call(info, "getMethodsCondition"), "getMethods");
        Class<?> beanType = (Class<?>) Reflect.call(handlerMethod, "getBeanType");
        Method method = (Method) Reflect.call(handlerMethod, "getMethod");
        String handler = beanType.getName() + '#' + method.getName();
        for (Object pattern : patterns) {
            String path = patternString(pattern);
            if (methods.isEmpty()) {
                out.add(new String[] {Route.ANY_METHOD, path, handler});
            }
            for (Object m : methods) {
                out.add(new String[] {String.valueOf(m), path, handler});
            }
        }
    }

    /** The text of a {@code org.springframework.web.util.pattern.PathPattern} (spring-web 5.0+), as actuator prints. */
    private static String patternString(Object pathPattern) throws Exception {
        Object text = Reflect.call(pathPattern, "getPatternString");
        return String.valueOf(text != null ? text : pathPattern);
    }
}
