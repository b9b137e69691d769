package dev.runtruth.agenttests.resteasy6;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.resteasy.core.ResourceLocatorInvoker;
import org.jboss.resteasy.core.ResourceMethodInvoker;
import org.jboss.resteasy.core.ResourceMethodRegistry;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.Registry;
import org.jboss.resteasy.spi.ResourceInvoker;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.jboss.resteasy.spi.metadata.ResourceBuilder;
import org.jboss.resteasy.spi.metadata.ResourceClass;
import org.jboss.resteasy.spi.metadata.ResourceLocator;
import org.jboss.resteasy.spi.metadata.ResourceMethod;

/**
 * Debug endpoint: the application lists its own routes from RESTEasy's registry
 * ({@code ResourceMethodRegistry#getBounded()}: path template to invokers), one {@code METHOD /path} line each, the
 * path prefixed with RESTEasy's base URI for this request. Sub-resource locators are expanded with RESTEasy's own
 * metadata builder ({@code ResourceBuilder#getLocatorFromAnnotations}) on the locator's declared return type, the
 * way RESTEasy builds a locator's sub-resource when a request reaches it.
 */
@Path("debug/registry")
public class RegistryResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String routes(@Context UriInfo uriInfo) {
        String base = uriInfo.getBaseUri().getPath();
        ResourceBuilder builder = ResteasyProviderFactory.getInstance().getResourceBuilder();
        TreeSet<String> lines = new TreeSet<>();
        for (Map.Entry<String, List<ResourceInvoker>> entry : ((ResourceMethodRegistry) ResteasyContext.getContextData(Registry.class))
                .getBounded()
                .entrySet()) {
            String path = join(base, entry.getKey());
            for (ResourceInvoker invoker : entry.getValue()) {
                if (invoker instanceof ResourceMethodInvoker method) {
                    method.getHttpMethods().forEach(m -> lines.add(m + " " + path));
                } else if (invoker instanceof ResourceLocatorInvoker locator) {
                    locator(builder, path, locator.getMethod().getReturnType(), lines);
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static void locator(ResourceBuilder builder, String path, Class<?> type, TreeSet<String> lines) {
        ResourceClass resourceClass = builder.getLocatorFromAnnotations(type);
        for (ResourceMethod method : resourceClass.getResourceMethods()) {
            String methodPath = join(path, method.getFullpath());
            method.getHttpMethods().forEach(m -> lines.add(m + " " + methodPath));
        }
        for (ResourceLocator locator : resourceClass.getResourceLocators()) {
            locator(builder, join(path, locator.getFullpath()), locator.getReturnType(), lines);
        }
    }

    private static String join(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return (a.endsWith("/") ? a.substring(0, a.length() - 1) : a) + (b.startsWith("/") ? b : "/" + b);
    }
}
