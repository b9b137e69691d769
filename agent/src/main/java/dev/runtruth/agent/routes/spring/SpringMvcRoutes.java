package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.ServletPrefixes;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
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
 * The routes of every Spring MVC {@code DispatcherServlet} in this JVM, read from its handler mappings at scrape time.
 *
 * <p>What is listed follows Spring Boot's {@code /actuator/mappings} ({@code DispatcherServletsMappingDescriptionProvider},
 * Boot 2.7-4.1): {@code RequestMappingInfoHandlerMapping#getHandlerMethods()} (annotated handler methods, including
 * those added later with {@code registerMapping}), {@code AbstractUrlHandlerMapping#getHandlerMap()} (resource
 * handlers such as {@code /webjars/**}, view controllers) and {@code RouterFunctionMapping#getRouterFunction()}
 * (functional endpoints), and the delegates of a mapping that is an {@code Iterable<HandlerMapping>}
 * ({@code IterableDelegatesHandlerMappingDescriptionProvider}): Spring Data REST's repository routes
 * (spring-data-rest-webmvc 3.4-5.1). Each route is prefixed with the servlet context path and the dispatcher
 * servlet's mapping ({@code /api/*} gives {@code /api}), so it is the path a client requests.
 *
 * <p>Before the servlet is initialised (Spring Boot initialises it on the first request) the handler mappings are
 * the singleton {@code HandlerMapping} beans of its application context that already exist; reading never creates a
 * bean.
 */
public final class SpringMvcRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "spring-webmvc";

    private static final String RMI_MAPPING = "org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping";
    private static final String URL_MAPPING = "org.springframework.web.servlet.handler.AbstractUrlHandlerMapping";
    private static final String ROUTER_MAPPING = "org.springframework.web.servlet.function.support.RouterFunctionMapping";
    /**
     * Spring Data REST's {@code restHandlerMapping} bean ({@code RepositoryRestMvcConfiguration}),
     * spring-data-rest-webmvc 3.4-5.1: package-private,
     * {@code implements MatchableHandlerMapping, Iterable<HandlerMapping>}, delegating to a
     * {@code BasePathAwareHandlerMapping} and a {@code RepositoryRestHandlerMapping} (both
     * {@code RequestMappingHandlerMapping}s). Moved in 3.4 from {@code ...webmvc.support.DelegatingHandlerMapping}
     * (there a deprecated interface in 3.4-3.5, removed in 3.6); the same class in 4.5 (Boot 3.5), 5.0 and 5.1
     * (Boot 4).
     */
    private static final String DATA_REST_MAPPING =
            "org.springframework.data.rest.webmvc.config.DelegatingHandlerMapping"; // moved in 3.4, not in 5.0
    /** Every Spring Data REST handler mapping lives under this package. */
    private static final String DATA_REST_PACKAGE = "org.springframework.data.rest.webmvc.";
    private static final String HANDLER_MAPPING = "org.springframework.web.servlet.HandlerMapping";

    private static final WeakObjects SERVLETS = new WeakObjects();

    /**
     * Called by the constructor hook for every new {@code DispatcherServlet}; only remembers it (weakly).
     *
     * @param servlet the dispatcher servlet under construction
     */
    public static void onDispatcherServlet(Object servlet) {
        SERVLETS.add(servlet);
    }

    /**
     * @return {@code spring.application.name} of the first dispatcher servlet's application context, or {@code null}
     *         when no context is visible yet or the property is not set
     */
    public static String applicationName() {
        for (Object servlet : SERVLETS.alive()) {
            try {
                Object context = Reflect.call(servlet, "getWebApplicationContext");
                Object environment = context == null ? null : Reflect.call(context, "getEnvironment");
                Object name = environment == null ? null : Reflect.call(environment, "getProperty",
                        new Class<?>[] {String.class}, "spring.application.name");
                if (name != null) {
                    return name.toString();
                }
            } catch (Throwable t) {
                CaptureErrors.record("spring-webmvc.name", "could not read spring.application.name", t);
            }
        }
        return null;
    }

    @Override
    public List<Route> routes() {
        return SERVLETS.readEach("spring-webmvc.read", "could not read the handler mappings of",
                SpringMvcRoutes::collect);
    }

    private static void collect(Object servlet, List<Route> out) throws Exception {
        Object context = Reflect.call(servlet, "getWebApplicationContext");
        if (context == null || Boolean.FALSE.equals(Reflect.call(context, "isActive"))) {
            return;
        }
        String port = managementPort(context);
        ClassLoader loader = servlet.getClass().getClassLoader();
        Collection<?> mappings = (Collection<?>) Reflect.call(servlet, "getHandlerMappings");
        if (mappings == null) {
            mappings = existingHandlerMappingBeans(context, loader, port.isEmpty());
        }
        if (!port.isEmpty()) {
            mappings = ownMappings(mappings, context, loader);
        }
        List<String> prefixes = ServletPrefixes.of(servlet, Reflect.call(context, "getServletContext"));
        List<String[]> declared = new ArrayList<String[]>();
        for (Object mapping : mappings) {
            // one mapping that cannot be read costs its own routes, not the others' (the read is then partial)
            try {
                describe(mapping, declared);
            } catch (Throwable t) {
                CaptureErrors.record("spring-webmvc.mapping", "could not read the handler mapping "
                        + mapping.getClass().getName() + "; its routes are not listed", t);
            }
        }
        for (String prefix : prefixes) {
            for (String[] route : declared) {
                Route r = Route.of(route[0], PathTemplate.join(prefix, route[1]), FRAMEWORK, route[2]);
                out.add(port.isEmpty() ? r : r.withPort(port));
            }
        }
    }

    /**
     * Spring Boot runs the actuator on a server of its own when {@code management.server.port} differs from the
     * application's: a child context whose server namespace is {@code management} ({@code
     * WebServerApplicationContext#getServerNamespace()}, Boot 2.0+), with its own embedded server.
     *
     * @param context a dispatcher servlet's application context
     * @return that server's port ({@code WebServer#getPort()}) for the management context, else empty (the
     *         application's listener)
     */
    static String managementPort(Object context) throws Exception {
        if (!Reflect.has(context.getClass(), "getServerNamespace")
                || !"management".equals(Reflect.call(context, "getServerNamespace"))) {
            return "";
        }
        Object server = Reflect.call(context, "getWebServer");
        Object port = server == null ? null : Reflect.call(server, "getPort");
        return port instanceof Integer && (Integer) port > 0 ? port.toString() : "";
    }

    /**
     * Appends {method, pattern, handler} for each route of a handler mapping, as the actuator would describe it.
     *
     * @param mapping a {@code HandlerMapping}; one of no known kind adds nothing
     * @param out     where the routes are added
     * @throws Exception when a Spring MVC mapping cannot be read (Spring Data REST's failures are recorded instead)
     */
    static void describe(Object mapping, List<String[]> out) throws Exception {
        Class<?> type = mapping.getClass();
        if (Reflect.isSubclassOf(type, RMI_MAPPING)) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) Reflect.call(mapping, "getHandlerMethods")).entrySet()) {
                handlerMethod(entry.getKey(), entry.getValue(), out);
            }
        } else if (Reflect.isSubclassOf(type, URL_MAPPING)) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) Reflect.call(mapping, "getHandlerMap")).entrySet()) {
                Object handler = entry.getValue();
                String name = handler instanceof String ? (String) handler : handler.getClass().getName();
                out.add(new String[] {Route.ANY_METHOD, String.valueOf(entry.getKey()), name});
            }
        } else if (Reflect.isSubclassOf(type, ROUTER_MAPPING)) {
            Object routerFunction = Reflect.call(mapping, "getRouterFunction");
            if (routerFunction != null) {
                for (RouterFunctionRoutes.Entry entry : RouterFunctionRoutes.entries(routerFunction)) {
                    String path = entry.alternative.path == null ? "/**" : entry.alternative.path;
                    Set<String> methods = entry.alternative.methods;
                    for (String method : methods == null ? Collections.singleton(Route.ANY_METHOD) : methods) {
                        out.add(new String[] {method, path, entry.handler});
                    }
                }
            }
        } else if (type.getName().startsWith(DATA_REST_PACKAGE)) {
            springDataRest(mapping, out);
        } else if (mapping instanceof Iterable) {
            for (Object delegate : (Iterable<?>) mapping) {
                describe(delegate, out);
            }
        }
    }

    /**
     * Appends the routes of a Spring Data REST handler mapping ({@code DATA_REST_MAPPING}): its delegates, read
     * through {@code Iterable#iterator()} like actuator does. Spring Data REST is present when such a mapping exists,
     * so a mapping of another shape, a failure or no route at all is recorded ({@code spring-data-rest.read}, naming
     * the class, the member and the jar's version) instead of reporting nothing; the other mappings are still read.
     */
    private static void springDataRest(Object mapping, List<String[]> out) {
        Class<?> type = mapping.getClass();
        Package pkg = type.getPackage(); // null when the class loader defined no package
        String where = type.getName() + " (spring-data-rest-webmvc "
                + (pkg == null ? null : pkg.getImplementationVersion()) + ")";
        if (!(mapping instanceof Iterable)) {
            CaptureErrors.record("spring-data-rest.read", "unsupported Spring Data REST handler mapping " + where
                    + ": not an Iterable<HandlerMapping> as " + DATA_REST_MAPPING + " is in 3.4-5.1; its repository "
                    + "routes are not reported", new NoSuchMethodException(type.getName() + ".iterator()"));
            return;
        }
        List<String[]> routes = new ArrayList<String[]>();
        try {
            for (Object delegate : (Iterable<?>) mapping) {
                describe(delegate, routes);
            }
        } catch (Throwable t) {
            CaptureErrors.record("spring-data-rest.read", "could not read the delegates (iterator()) of " + where
                    + ": its repository routes are not reported", t);
            return;
        }
        if (routes.isEmpty()) {
            CaptureErrors.record("spring-data-rest.read", "the delegates (iterator()) of " + where + " have no "
                    + "handler method: its repository routes are not reported",
                    new IllegalStateException("no RequestMappingInfoHandlerMapping delegate with handler methods"));
            return;
        }
        out.addAll(routes);
    }

    private static void handlerMethod(Object info, Object handlerMethod, List<String[]> out) throws Exception {
        Collection<?> patterns = (Collection<?>) Reflect.call(info, "getPatternValues"); // added in spring-webmvc 5.3
        if (patterns == null) {
            CaptureErrors.record("spring-webmvc.version", "unsupported spring-webmvc version (RequestMappingInfo has no "
                    + "getPatternValues(); 5.3+ is supported): annotated routes are not reported", null);
            return;
        }
        Set<?> methods = (Set<?>) Reflect.call(Reflect.call(info, "getMethodsCondition"), "getMethods");
        Class<?> beanType = (Class<?>) Reflect.call(handlerMethod, "getBeanType");
        Method method = (Method) Reflect.call(handlerMethod, "getMethod");
        String handler = beanType.getName() + '#' + method.getName();
        for (Object pattern : patterns) {
            if (methods.isEmpty()) {
                out.add(new String[] {Route.ANY_METHOD, String.valueOf(pattern), handler});
            }
            for (Object m : methods) {
                out.add(new String[] {String.valueOf(m), String.valueOf(pattern), handler});
            }
        }
    }

    /**
     * The {@code HandlerMapping} singletons of the context and its ancestors that exist already, like
     * {@code BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false)} in
     * {@code DispatcherServlet#initHandlerMappings}, but without creating any bean: only after the bean factory's
     * configuration is frozen, and only instances already in the singleton registry.
     */
    private static Collection<?> existingHandlerMappingBeans(Object context, ClassLoader loader, boolean ancestors)
            throws Exception {
        Object beanFactory = Reflect.call(context, "getBeanFactory");
        if (beanFactory == null || !ExistingBeans.frozen(beanFactory)) {
            return Collections.emptyList(); // still starting up: try again at the next scrape
        }
        return ExistingBeans.singletons(beanFactory, Class.forName(HANDLER_MAPPING, false, loader), ancestors);
    }

    /**
     * Boot's management child context serves only its own handler mappings: its dispatcher servlet does not detect
     * the parent's ({@code setDetectAllHandlerMappings(false)}) and holds one {@code CompositeHandlerMapping} over the
     * child context's own {@code HandlerMapping} beans (filled lazily, at the first request). That composite, and any
     * mapping not of the child context's own bean factory, is replaced by those beans.
     */
    private static Collection<?> ownMappings(Collection<?> mappings, Object context, ClassLoader loader)
            throws Exception {
        List<Object> own = new ArrayList<Object>();
        for (Object mapping : existingHandlerMappingBeans(context, loader, false)) {
            if (!mapping.getClass().getName().endsWith(".CompositeHandlerMapping")) {
                own.add(mapping);
            }
        }
        return own;
    }
}
