package dev.runtruth.agent.routes.jaxrs.resteasy;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.model.PathTemplate;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a RESTEasy classic {@code org.jboss.resteasy.core.ResourceMethodRegistry} (4.0 to 6.2, javax and jakarta)
 * into (HTTP method, path template, handler) triples. {@code getBounded()} maps each full path template (class and
 * method {@code @Path} joined, regex constraints kept, leading {@code /}) to its invokers:
 * {@code ResourceMethodInvoker} ({@code getHttpMethods()}, {@code getResourceClass()}, {@code getMethod()}) and
 * {@code ResourceLocatorInvoker} ({@code getMethod()}). A locator is followed the way RESTEasy builds its
 * sub-resource on the first request: the metadata of its declared return type from the provider factory's
 * {@code ResourceBuilder#getLocatorFromAnnotations(Class)} (pure annotation introspection), whose
 * {@code getResourceMethods()} and {@code getResourceLocators()} carry paths relative to the locator
 * ({@code getFullpath()}).
 */
final class ResteasyRegistry {

    private static final String METHOD_INVOKER = "org.jboss.resteasy.core.ResourceMethodInvoker";
    private static final String LOCATOR_INVOKER = "org.jboss.resteasy.core.ResourceLocatorInvoker";

    private final Object resourceBuilder;
    private final List<String[]> out = new ArrayList<String[]>();

    private ResteasyRegistry(Object resourceBuilder) {
        this.resourceBuilder = resourceBuilder;
    }

    /**
     * @param registry        a {@code ResourceMethodRegistry}
     * @param resourceBuilder the deployment's {@code ResourceBuilder}, or {@code null}: locators are then not followed
     * @return {method, path relative to the deployment's base, handler}; {@code null} when the registry has no
     *         {@code getBounded()} (an unknown RESTEasy version)
     * @throws Exception when a registry call fails
     */
    static List<String[]> routes(Object registry, Object resourceBuilder) throws Exception {
        if (!Reflect.has(registry.getClass(), "getBounded")) {
            return null;
        }
        ResteasyRegistry reader = new ResteasyRegistry(resourceBuilder);
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) Reflect.call(registry, "getBounded")).entrySet()) {
            String path = PathTemplate.join(String.valueOf(entry.getKey()));
            for (Object invoker : (Collection<?>) entry.getValue()) {
                reader.invoker(invoker, path);
            }
        }
        return reader.out;
    }

    private void invoker(Object invoker, String path) throws Exception {
        String type = invoker.getClass().getName();
        if (isA(invoker.getClass(), METHOD_INVOKER)) {
            Class<?> resourceClass = (Class<?>) Reflect.call(invoker, "getResourceClass");
            Method method = (Method) Reflect.call(invoker, "getMethod");
            String handler = resourceClass.getName() + '#' + method.getName();
            for (Object httpMethod : (Collection<?>) Reflect.call(invoker, "getHttpMethods")) {
                out.add(new String[] {String.valueOf(httpMethod), path, handler});
            }
        } else if (isA(invoker.getClass(), LOCATOR_INVOKER)) {
            Method method = (Method) Reflect.call(invoker, "getMethod");
            locator(method.getReturnType(), path, new HashSet<Class<?>>());
        } else {
            AgentLog.debug("RESTEasy invoker of unknown type " + type + " at " + path + " skipped");
        }
    }

    private void locator(Class<?> type, String path, Set<Class<?>> seen) throws Exception {
        if (resourceBuilder == null || type == Object.class || type == Class.class || !seen.add(type)) {
            return;
        }
        Object resourceClass;
        try {
            resourceClass = Reflect.call(resourceBuilder, "getLocatorFromAnnotations", new Class<?>[] {Class.class},
                    type);
        } catch (Exception e) {
            AgentLog.debug("sub-resource locator type " + type.getName() + " has no resource metadata: " + e);
            return;
        }
        if (resourceClass == null) {
            return;
        }
        for (Object method : (Object[]) Reflect.call(resourceClass, "getResourceMethods")) {
            String methodPath = PathTemplate.join(path, (String) Reflect.call(method, "getFullpath"));
            Method javaMethod = (Method) Reflect.call(method, "getMethod");
            String handler = type.getName() + '#' + (javaMethod == null ? "" : javaMethod.getName());
            for (Object httpMethod : (Collection<?>) Reflect.call(method, "getHttpMethods")) {
                out.add(new String[] {String.valueOf(httpMethod), methodPath, handler});
            }
        }
        for (Object locator : (Object[]) Reflect.call(resourceClass, "getResourceLocators")) {
            locator((Class<?>) Reflect.call(locator, "getReturnType"),
                    PathTemplate.join(path, (String) Reflect.call(locator, "getFullpath")), new HashSet<Class<?>>(seen));
        }
    }

    private static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
