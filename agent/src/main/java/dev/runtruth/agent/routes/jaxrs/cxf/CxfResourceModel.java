package dev.runtruth.agent.routes.jaxrs.cxf;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.model.PathTemplate;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks CXF's JAX-RS resource model ({@code org.apache.cxf.jaxrs.model}, CXF 3.x and 4.x: {@code ClassResourceInfo}
 * {@code getURITemplate()}, {@code getMethodDispatcher().getOperationResourceInfos()}, {@code findResource(Class,
 * Class)}; {@code OperationResourceInfo} {@code getHttpMethod()}, {@code getURITemplate()},
 * {@code getAnnotatedMethod()}, {@code getMethodToInvoke()}) into (HTTP method, path template, handler) triples.
 *
 * <p>What is listed is what CXF's WADL lists ({@code WadlGenerator#handleResource}, cxf-rt-rs-service-description):
 * each operation with an HTTP method at the class path + the operation path; a sub-resource locator (no HTTP method)
 * is followed into the resource CXF resolves for its return type ({@code findResource}) below the locator's path, once
 * per type on the way (a recursive locator stops); a locator whose type CXF cannot resolve is dynamic and lists
 * nothing (CXF resolves a locator's type when its first request arrives, or at start with
 * {@code staticSubresourceResolution}: the WADL and this walk show the same). An operation without {@code @Path}
 * (template {@code /}) is at its resource's path. {@code HEAD} and {@code OPTIONS} that CXF answers without a declared method are not listed.
 */
final class CxfResourceModel {

    private final List<String[]> out = new ArrayList<String[]>();

    private CxfResourceModel() {
    }

    /**
     * @param roots the endpoint's root resources, {@code JAXRSServiceImpl#getClassResourceInfos()}
     * @return {method, path relative to the endpoint address (leading {@code /}), handler} per operation
     * @throws Exception when a model call fails
     */
    static List<String[]> routes(Collection<?> roots) throws Exception {
        CxfResourceModel walker = new CxfResourceModel();
        for (Object root : roots) {
            Set<Object> visited = new HashSet<Object>();
            walker.resource(root, template(root), visited);
        }
        return walker.out;
    }

    private void resource(Object resource, String path, Set<Object> visited) throws Exception {
        visited.add(resource);
        Object dispatcher = Reflect.call(resource, "getMethodDispatcher");
        Object operations = dispatcher == null ? null : Reflect.call(dispatcher, "getOperationResourceInfos");
        if (!(operations instanceof Collection)) {
            return;
        }
        for (Object operation : (Collection<?>) operations) {
            String own = template(operation);
            // an operation without @Path has the template "/": it is served at the resource's own path
            String opPath = own.equals("/") ? PathTemplate.join(path) : PathTemplate.join(path, own);
            String httpMethod = (String) Reflect.call(operation, "getHttpMethod");
            Method method = method(operation);
            if (httpMethod != null) {
                out.add(new String[] {httpMethod, opPath, handler(resource, method)});
                continue;
            }
            Class<?> type = method == null ? null : method.getReturnType();
            Object sub = type == null ? null : Reflect.call(resource, "findResource",
                    new Class<?>[] {Class.class, Class.class}, type, type);
            if (sub != null && !visited.contains(sub)) {
                resource(sub, opPath, new HashSet<Object>(visited));
            }
        }
    }

    private static String template(Object modelObject) throws Exception {
        Object template = Reflect.call(modelObject, "getURITemplate");
        Object value = template == null ? null : Reflect.call(template, "getValue");
        return value == null ? "" : value.toString();
    }

    private static Method method(Object operation) throws Exception {
        Method annotated = (Method) Reflect.call(operation, "getAnnotatedMethod");
        return annotated != null ? annotated : (Method) Reflect.call(operation, "getMethodToInvoke");
    }

    private static String handler(Object resource, Method method) throws Exception {
        Class<?> serviceClass = (Class<?>) Reflect.call(resource, "getServiceClass");
        String className = serviceClass != null ? serviceClass.getName()
                : method != null ? method.getDeclaringClass().getName() : "";
        return method == null ? className : className + '#' + method.getName();
    }
}
