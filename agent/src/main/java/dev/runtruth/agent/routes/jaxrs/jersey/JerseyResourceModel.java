package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.model.PathTemplate;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a Jersey resource model ({@code org.glassfish.jersey.server.model.Resource}, Jersey 2.x and 3.x: public
 * {@code getPath()}, {@code isExtended()}, {@code getResourceMethods()}, {@code getChildResources()},
 * {@code getResourceLocator()}; {@code ResourceMethod#getHttpMethod()}, {@code isExtended()},
 * {@code getInvocable()}) into (HTTP method, path template, handler) triples.
 *
 * <p>What is listed is what Jersey's WADL lists without {@code ?detail=true} ({@code WadlBuilder}): methods and
 * resources that Jersey marks <em>extended</em> are left out. Those are the {@code OPTIONS} methods Jersey adds to
 * every resource ({@code OptionsMethodProcessor}), the WADL's own {@code application.wadl} resource and its
 * {@code OPTIONS} methods; {@code HEAD} is never in the model unless declared (Jersey answers it with the {@code GET}
 * method at request time). A sub-resource locator is followed the way {@code WadlBuilder} does it: the resource model
 * of its raw return type ({@code Resource.builder(Class)}, pure introspection of the class's annotations) is listed
 * under the locator's path; a return type that is {@code Object}, {@code Class} or a {@code Resource} is resolved
 * per request and cannot be listed.
 */
final class JerseyResourceModel {

    private static final String RESOURCE = "org.glassfish.jersey.server.model.Resource";

    private final Class<?> resourceType;
    private final List<String[]> out = new ArrayList<String[]>();

    private JerseyResourceModel(Class<?> resourceType) {
        this.resourceType = resourceType;
    }

    /**
     * @param roots the root resources, {@code ResourceModel#getResources()}
     * @param loader the class loader that sees Jersey's model classes
     * @return {method, path relative to the application base (leading {@code /}), handler} per resource method
     * @throws Exception when a model call fails
     */
    static List<String[]> routes(Collection<?> roots, ClassLoader loader) throws Exception {
        JerseyResourceModel walker = new JerseyResourceModel(Class.forName(RESOURCE, false, loader));
        for (Object root : roots) {
            walker.resource(root, "", (String) Reflect.call(root, "getPath"), new HashSet<Class<?>>());
        }
        return walker.out;
    }

    /**
     * @param resource     a {@code Resource}
     * @param parentPath   the path of the enclosing resource
     * @param ownPath      the path this resource adds ({@code null} for none)
     * @param locatorTypes the locator return types on the way here, to stop on recursive locators
     */
    private void resource(Object resource, String parentPath, String ownPath, Set<Class<?>> locatorTypes)
            throws Exception {
        if (Boolean.TRUE.equals(Reflect.call(resource, "isExtended"))) {
            return;
        }
        String path = PathTemplate.join(parentPath, ownPath);
        for (Object method : (Collection<?>) Reflect.call(resource, "getResourceMethods")) {
            if (!Boolean.TRUE.equals(Reflect.call(method, "isExtended"))) {
                out.add(new String[] {(String) Reflect.call(method, "getHttpMethod"), path, handler(method)});
            }
        }
        Object locator = Reflect.call(resource, "getResourceLocator");
        if (locator != null && !Boolean.TRUE.equals(Reflect.call(locator, "isExtended"))) {
            locator(locator, path, locatorTypes);
        }
        for (Object child : (Collection<?>) Reflect.call(resource, "getChildResources")) {
            resource(child, path, (String) Reflect.call(child, "getPath"), locatorTypes);
        }
    }

    private void locator(Object locator, String path, Set<Class<?>> locatorTypes) throws Exception {
        Object invocable = Reflect.call(locator, "getInvocable");
        Class<?> type = (Class<?>) Reflect.call(invocable, "getRawResponseType");
        if (type == null || type == Object.class || type == Class.class || resourceType.isAssignableFrom(type)
                || locatorTypes.contains(type)) {
            return;
        }
        Object builder;
        try {
            builder = Reflect.callStatic(resourceType, "builder", new Class<?>[] {Class.class}, type);
        } catch (Exception e) {
            // Jersey rejects the class as a resource (model validation): it serves nothing from it either
            AgentLog.debug("sub-resource locator type " + type.getName() + " has no valid resource model: " + e);
            return;
        }
        if (builder == null) {
            return;
        }
        Object subResource = Reflect.call(builder, "build");
        Set<Class<?>> nested = new HashSet<Class<?>>(locatorTypes);
        nested.add(type);
        // the sub-resource class's own @Path, if any, does not apply below a locator
        resource(subResource, path, null, nested);
    }

    private static String handler(Object resourceMethod) throws Exception {
        Object invocable = Reflect.call(resourceMethod, "getInvocable");
        Object handler = Reflect.call(invocable, "getHandler");
        Class<?> handlerClass = handler == null ? null : (Class<?>) Reflect.call(handler, "getHandlerClass");
        Method method = (Method) Reflect.call(invocable, "getDefinitionMethod");
        String className = handlerClass != null ? handlerClass.getName()
                : method != null ? method.getDeclaringClass().getName() : "";
        int lambda = className.indexOf("$$Lambda");
        if (lambda > 0) {
            className = className.substring(0, lambda); // a lambda's class name changes from run to run
        }
        return method == null ? className : className + '#' + method.getName();
    }
}
