package dev.runtruth.agent.routes.spring.webflux;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.spring.ExistingBeans;
import java.util.List;

/**
 * The base path under which a WebFlux application context's routes are requested: Spring Boot's
 * {@code spring.webflux.base-path}.
 *
 * <p>Boot applies it in {@code HttpHandlerAutoConfiguration} (Boot 2.3-4.1): when the {@code WebFluxProperties} bean
 * has a base path, the {@code httpHandler} bean becomes a {@code ContextPathCompositeHandler} that routes only requests
 * under that path, with the path stripped, to the whole {@code WebHttpHandlerBuilder} chain (and so to every
 * {@code DispatcherHandler}). {@code ContextPathCompositeHandler} exposes its paths through no public method, so the
 * agent reads the same {@code WebFluxProperties#getBasePath()} Boot read, and trusts it only while no existing
 * {@code HttpHandler} singleton shows that the application replaced Boot's handler with another kind.
 */
final class WebFluxBasePath {

    // Boot 2.3-3.5 (the base path was added in 2.3)
    private static final String PROPERTIES_BOOT2 = "org.springframework.boot.autoconfigure.web.reactive.WebFluxProperties";
    // Boot 4.0+ (spring-boot-webflux module)
    private static final String PROPERTIES_BOOT4 = "org.springframework.boot.webflux.autoconfigure.WebFluxProperties";
    private static final String HTTP_HANDLER = "org.springframework.http.server.reactive.HttpHandler";
    private static final String CONTEXT_PATH_HANDLER =
            "org.springframework.http.server.reactive.ContextPathCompositeHandler";

    private WebFluxBasePath() {
    }

    /**
     * @param context the {@code ApplicationContext} of the handler mappings; may be {@code null}
     * @return the base path, e.g. {@code /api}; {@code ""} when there is none or it is not known (no context, not a
     *         Spring Boot app); {@code null} while the context's bean factory is still being configured
     * @throws Exception when the bean factory cannot be read
     */
    static String of(Object context) throws Exception {
        Object beanFactory = context == null ? null : Reflect.call(context, "getBeanFactory");
        if (beanFactory == null) {
            return "";
        }
        if (!Boolean.TRUE.equals(Reflect.call(beanFactory, "isConfigurationFrozen"))) {
            return null;
        }
        ClassLoader loader = context.getClass().getClassLoader();
        String basePath = "";
        for (String name : new String[] {PROPERTIES_BOOT4, PROPERTIES_BOOT2}) {
            for (Object properties : ExistingBeans.singletons(beanFactory, Reflect.load(name, loader))) {
                Object path = Reflect.call(properties, "getBasePath");
                if (path != null && !path.toString().trim().isEmpty()) {
                    basePath = path.toString();
                }
            }
        }
        if (basePath.isEmpty() || !replacedHttpHandler(beanFactory, loader)) {
            return basePath;
        }
        return "";
    }

    /** Whether {@code HttpHandler} singletons exist and none of them is a {@code ContextPathCompositeHandler}. */
    private static boolean replacedHttpHandler(Object beanFactory, ClassLoader loader) throws Exception {
        List<Object> handlers = ExistingBeans.singletons(beanFactory, Reflect.load(HTTP_HANDLER, loader));
        for (Object handler : handlers) {
            if (Reflect.isSubclassOf(handler.getClass(), CONTEXT_PATH_HANDLER)) {
                return false;
            }
        }
        return !handlers.isEmpty();
    }
}
