package dev.runtruth.agent.routes.jaxrs.quarkus;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.model.PathTemplate;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the class mappers of a RESTEasy Reactive {@code Deployment} (Quarkus 3.x, {@code resteasy-reactive} server
 * runtime) into (HTTP method, path template, handler) triples.
 *
 * <p>Layout read (public fields and getters of {@code org.jboss.resteasy.reactive.server.*}): each element of
 * {@code Deployment#getClassMappers()} is a {@code RequestMapper.RequestPath} whose {@code template} is the class
 * {@code @Path} ({@code URITemplate#template}, regex constraints kept) and whose {@code value} is a
 * {@code RestInitialHandler.InitialMatch}; its {@code handlers} hold a {@code ClassRoutingHandler}, whose
 * {@code getMappers()} maps an HTTP method ({@code null} for sub-resource locators) to a {@code RequestMapper};
 * {@code getTemplates()} lists {@code RequestPath}s of {@code RuntimeResource} ({@code getHttpMethod()},
 * {@code getPath()}, {@code getClassPath()}, {@code getResourceClass()}, {@code getJavaMethodName()}). RESTEasy
 * Reactive copies each locator into every method's mapper and merges methods that differ only by media type into
 * one resource without a class; both are handled.
 *
 * <p>Sub-resource locators are followed the way {@code ResourceLocatorHandler} resolves them on a request, but from
 * the locator method's declared return type instead of the returned object's class: the handler's per-class mappers
 * (built at startup for every resource and locatable class) are looked up on that type, its superclasses and
 * interfaces. They sit in the handler's private field {@code resourceLocatorHandlers} (no public accessor exists);
 * when it cannot be read, locators are skipped with one warning.
 */
final class QuarkusRestMappers {

    private static final String CLASS_ROUTING_HANDLER =
            "org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler";
    private static final String LOCATOR_HANDLER = "org.jboss.resteasy.reactive.server.handlers.ResourceLocatorHandler";
    private static final String LOCATOR_MAP_FIELD = "resourceLocatorHandlers";

    private final List<String[]> out = new ArrayList<String[]>();

    private QuarkusRestMappers() {
    }

    /**
     * @param classMappers {@code Deployment#getClassMappers()}
     * @return {method, path relative to the deployment's prefix, handler ({@code Class#method}, empty when RESTEasy
     *         merged several methods)}
     * @throws Exception when a framework call fails
     */
    static List<String[]> routes(List<?> classMappers) throws Exception {
        QuarkusRestMappers reader = new QuarkusRestMappers();
        for (Object requestPath : classMappers) {
            String classPath = template(field(requestPath, "template"));
            for (Object handler : (Object[]) field(field(requestPath, "value"), "handlers")) {
                if (Reflect.isSubclassOf(handler.getClass(), CLASS_ROUTING_HANDLER)) {
                    reader.mappers((Map<?, ?>) Reflect.call(handler, "getMappers"), classPath, true,
                            new HashSet<Class<?>>());
                }
            }
        }
        return reader.out;
    }

    /**
     * @param mappers   HTTP method to {@code RequestMapper<RuntimeResource>}
     * @param base      the path the mappers' templates are relative to
     * @param root      whether these are a root resource's mappers (each resource then carries its own class path)
     * @param locating  the locator types on the way here, against cycles
     */
    private void mappers(Map<?, ?> mappers, String base, boolean root, Set<Class<?>> locating) throws Exception {
        for (Map.Entry<?, ?> entry : mappers.entrySet()) {
            boolean locators = entry.getKey() == null;
            for (Object requestPath : (Collection<?>) Reflect.call(entry.getValue(), "getTemplates")) {
                Object resource = field(requestPath, "value");
                String httpMethod = (String) Reflect.call(resource, "getHttpMethod");
                if (locators != (httpMethod == null)) {
                    continue; // a locator copied into a method's mapper, or a method under the null key
                }
                Object classTemplate = root ? Reflect.call(resource, "getClassPath") : null;
                String path = PathTemplate.join(classTemplate == null ? base : template(classTemplate),
                        template(Reflect.call(resource, "getPath")));
                if (locators) {
                    locator(resource, path, locating);
                } else {
                    out.add(new String[] {httpMethod, path, handler(resource)});
                }
            }
        }
    }

    private void locator(Object resource, String path, Set<Class<?>> locating) throws Exception {
        Class<?> type = rawClass((Type) Reflect.call(resource, "getReturnType"));
        Map<?, ?> byClass = locatorMappers(resource);
        if (type == null || byClass == null || locating.contains(type)) {
            if (type == null) {
                AgentLog.debug("Quarkus REST locator " + handler(resource) + " at " + path
                        + " has no resource return type: its sub-resources are not reported");
            }
            return;
        }
        Set<Class<?>> next = new HashSet<Class<?>>(locating);
        next.add(type);
        List<Map<?, ?>> found = new ArrayList<Map<?, ?>>();
        find(type, byClass, found, new HashSet<Class<?>>());
        for (Map<?, ?> mappers : found) {
            mappers(mappers, path, false, next);
        }
    }

    /** Mirrors {@code ResourceLocatorHandler#findTargetRecursive}, with {@code get} only (the map is not ours). */
    private static void find(Class<?> type, Map<?, ?> byClass, List<Map<?, ?>> found, Set<Class<?>> seen) {
        if (type == null || type == Object.class) {
            return;
        }
        Map<?, ?> own = (Map<?, ?>) byClass.get(type);
        if (own != null) {
            found.add(own);
        }
        for (Class<?> iface : type.getInterfaces()) {
            if (seen.add(iface)) {
                Map<?, ?> mappers = (Map<?, ?>) byClass.get(iface);
                if (mappers != null) {
                    found.add(mappers);
                }
                for (Class<?> parent : iface.getInterfaces()) {
                    find(parent, byClass, found, seen);
                }
            }
        }
        if (own == null) {
            find(type.getSuperclass(), byClass, found, seen);
        }
    }

    /** @return the locator handler's class-to-mappers map, or {@code null} (one warning) when it cannot be read */
    private static Map<?, ?> locatorMappers(Object resource) throws Exception {
        for (Object handler : (Object[]) Reflect.call(resource, "getHandlerChain")) {
            if (Reflect.isSubclassOf(handler.getClass(), LOCATOR_HANDLER)) {
                try {
                    Field field = handler.getClass().getDeclaredField(LOCATOR_MAP_FIELD);
                    field.setAccessible(true);
                    return (Map<?, ?>) field.get(handler);
                } catch (Exception e) {
                    CaptureErrors.record("jaxrs.quarkus.locators", "unsupported Quarkus REST version (" + LOCATOR_HANDLER
                            + "." + LOCATOR_MAP_FIELD + " cannot be read: " + e + "): sub-resource locators are "
                            + "not followed", null);
                    return null;
                }
            }
        }
        return null;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class) {
            return type == Object.class ? null : (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            if (parameterized.getRawType() == Class.class) { // a locator returning Class<T>: T is instantiated
                Type[] arguments = parameterized.getActualTypeArguments();
                return arguments.length == 1 ? rawClass(arguments[0]) : null;
            }
            return rawClass(parameterized.getRawType());
        }
        return null;
    }

    /**
     * @return {@code Class#method}; for the resource RESTEasy Reactive makes of several methods on one path and HTTP
     *         method that differ in {@code @Consumes}/{@code @Produces} (its handler chain holds a
     *         {@code MediaTypeMapper}, whose package-private {@code resourcesByConsumes} maps to holders of the
     *         real resources, {@code mtWithoutParamsToResource}; resteasy-reactive server, Quarkus 3.x), each of
     *         them, sorted and joined with {@code "; "} (as the collector joins the declarations of one route); else
     *         {@code ""}
     */
    private static String handler(Object resource) throws Exception {
        Class<?> resourceClass = (Class<?>) Reflect.call(resource, "getResourceClass");
        String method = (String) Reflect.call(resource, "getJavaMethodName");
        if (resourceClass != null && method != null) {
            return resourceClass.getName() + '#' + method;
        }
        Set<String> merged = new TreeSet<String>();
        for (Object handler : (Object[]) Reflect.call(resource, "getHandlerChain")) {
            if (Reflect.isSubclassOf(handler.getClass(), MEDIA_TYPE_MAPPER)) {
                for (Object holder : ((Map<?, ?>) Reflect.field(handler, "resourcesByConsumes")).values()) {
                    for (Object candidate : ((Map<?, ?>) Reflect.field(holder, "mtWithoutParamsToResource")).values()) {
                        String one = handler(candidate);
                        if (!one.isEmpty()) {
                            merged.add(one);
                        }
                    }
                }
            }
        }
        StringBuilder joined = new StringBuilder();
        for (String one : merged) {
            joined.append(joined.length() == 0 ? "" : "; ").append(one);
        }
        return joined.toString();
    }

    private static final String MEDIA_TYPE_MAPPER = "org.jboss.resteasy.reactive.server.handlers.MediaTypeMapper";

    /**
     * @return {@code URITemplate#template}, the template as declared with a leading {@code /}; {@code ""} for
     *         {@code /}, which RESTEasy Reactive stores for a method without {@code @Path} (served without a trailing
     *         slash, as JAX-RS has it)
     */
    private static String template(Object uriTemplate) throws Exception {
        String template = uriTemplate == null ? null : (String) field(uriTemplate, "template");
        return template == null || template.equals("/") ? "" : template;
    }

    /** Reads a public field of a public framework type (RESTEasy Reactive exposes its matching model that way). */
    private static Object field(Object target, String name) throws Exception {
        return target.getClass().getField(name).get(target);
    }
}
