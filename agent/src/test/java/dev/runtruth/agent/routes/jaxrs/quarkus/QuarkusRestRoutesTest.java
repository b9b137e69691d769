package dev.runtruth.agent.routes.jaxrs.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.ResourceLocatorHandler;
import org.junit.jupiter.api.Test;

/**
 * {@link QuarkusRestRoutes} over stand-ins shaped like RESTEasy Reactive's runtime model (Quarkus 3.27:
 * {@code Deployment}, {@code RequestMapper.RequestPath}, {@code URITemplate}, {@code RuntimeResource}). The real
 * framework is exercised by {@code QuarkusRestIT} in agent-tests.
 */
class QuarkusRestRoutesTest {

    @Test
    void readsResourceMethodsUnderThePrefixAndFollowsLocators() {
        Map<Class<?>, Map<String, ?>> locatable = new HashMap<>();
        ResourceLocatorHandler locatorHandler = new ResourceLocatorHandler(locatable);
        Resource locator = Resource.locator("/{sku: [A-Z]+}/reviews", Reviews.class, locatorHandler);
        locatable.put(Reviews.class, mappers(
                "GET", Arrays.asList(Resource.method("GET", "/", null, Reviews.class, "list"), locator /* copied */),
                null, Arrays.asList(Resource.locator("/{id}/votes", Votes.class, locatorHandler))));
        locatable.put(Votes.class, mappers("PUT", Arrays.asList(Resource.method("PUT", "/", null, Votes.class, "vote"))));

        Map<String, Object> products = mappers(
                "GET", Arrays.asList(Resource.method("GET", "/", "/products", Products.class, "list"),
                        Resource.method("GET", "/{sku: [A-Z]+}", "/products", Products.class, "get"), locator),
                "POST", Arrays.asList(Resource.merged("POST", "/")),
                null, Arrays.asList(locator));
        Deployment deployment = new Deployment("/svc/shop", new RequestPath(new UriTemplate("/products"),
                new InitialMatch(new Object(), new ClassRoutingHandler(products))));
        long errors = CaptureErrors.count();
        QuarkusRestRoutes.onDeployment(deployment);

        List<Route> routes = new QuarkusRestRoutes().routes().stream()
                .filter(r -> r.template().startsWith("/svc/shop/")).collect(Collectors.toList());

        assertThat(routes).extracting(Route::toString).containsExactlyInAnyOrder(
                "GET /svc/shop/products", "GET /svc/shop/products/{sku}", "POST /svc/shop/products",
                "GET /svc/shop/products/{sku}/reviews", "PUT /svc/shop/products/{sku}/reviews/{id}/votes");
        assertThat(routes).filteredOn(r -> r.toString().equals("GET /svc/shop/products/{sku}"))
                .extracting(Route::handler).containsExactly(Products.class.getName() + "#get");
        assertThat(routes).filteredOn(r -> r.method().equals("POST")).extracting(Route::handler).containsExactly("");
        assertThat(routes).extracting(Route::framework).containsOnly("jaxrs");
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void aDeploymentWithoutClassMappersGivesNoRoutesAndOneRecordedFailurePerRead() {
        Object unknown = new Object() {
            @SuppressWarnings("unused")
            public String getPrefix() {
                return "/old";
            }
        };
        long errors = CaptureErrors.count();
        QuarkusRestRoutes.onDeployment(unknown);

        try {
            assertThat(new QuarkusRestRoutes().routes()).extracting(Route::template)
                    .noneMatch(t -> t.startsWith("/old"));
            assertThat(CaptureErrors.count()).isEqualTo(errors + 1);
        } finally {
            QuarkusRestRoutes.forget(unknown);
        }
    }

    private static Map<String, Object> mappers(Object... methodAndResources) {
        Map<String, Object> mappers = new HashMap<>();
        for (int i = 0; i < methodAndResources.length; i += 2) {
            List<RequestPath> paths = new ArrayList<>();
            for (Object resource : (List<?>) methodAndResources[i + 1]) {
                paths.add(new RequestPath(((Resource) resource).getPath(), resource));
            }
            mappers.put((String) methodAndResources[i], new RequestMapper(paths));
        }
        return mappers;
    }

    /** Stands in for {@code org.jboss.resteasy.reactive.server.core.Deployment}. */
    public static final class Deployment {
        private final String prefix;
        private final List<RequestPath> classMappers;

        Deployment(String prefix, RequestPath... classMappers) {
            this.prefix = prefix;
            this.classMappers = Arrays.asList(classMappers);
        }

        /** @return like the real one */
        /** @return like the real one */
        public String getPrefix() {
            return prefix;
        }

        /** @return like the real one */
        public List<RequestPath> getClassMappers() {
            return classMappers;
        }
    }

    /** Stands in for {@code RequestMapper.RequestPath}: public final fields. */
    public static final class RequestPath {
        /** The template. */
        public final UriTemplate template;
        /** The value. */
        public final Object value;

        RequestPath(UriTemplate template, Object value) {
            this.template = template;
            this.value = value;
        }
    }

    /** Stands in for {@code URITemplate}. */
    public static final class UriTemplate {
        /** The template as declared, with a leading slash. */
        public final String template;

        UriTemplate(String template) {
            this.template = template;
        }
    }

    /** Stands in for {@code RestInitialHandler.InitialMatch}. */
    public static final class InitialMatch {
        /** The handler chain. */
        public final Object[] handlers;

        InitialMatch(Object... handlers) {
            this.handlers = handlers;
        }
    }

    /** Stands in for {@code RequestMapper}. */
    public static final class RequestMapper {
        private final List<RequestPath> templates;

        RequestMapper(List<RequestPath> templates) {
            this.templates = templates;
        }

        /** @return like the real one */
        public List<RequestPath> getTemplates() {
            return templates;
        }
    }

    /** Stands in for {@code RuntimeResource}. */
    public static final class Resource {
        private final String httpMethod;
        private final UriTemplate path;
        private final UriTemplate classPath;
        private final Class<?> resourceClass;
        private final String javaMethodName;
        private final Type returnType;
        private final Object[] handlerChain;

        private Resource(String httpMethod, String path, String classPath, Class<?> resourceClass, String javaMethodName,
                Type returnType, Object... handlerChain) {
            this.httpMethod = httpMethod;
            this.path = new UriTemplate(path);
            this.classPath = classPath == null ? null : new UriTemplate(classPath);
            this.resourceClass = resourceClass;
            this.javaMethodName = javaMethodName;
            this.returnType = returnType;
            this.handlerChain = handlerChain;
        }

        static Resource method(String httpMethod, String path, String classPath, Class<?> type, String name) {
            return new Resource(httpMethod, path, classPath, type, name, String.class);
        }

        static Resource locator(String path, Class<?> returnType, ResourceLocatorHandler handler) {
            return new Resource(null, path, null, Products.class, "locate", returnType, new Object(), handler);
        }

        /** Like RESTEasy's stand-in for methods that differ by media type only: no class, no method name. */
        static Resource merged(String httpMethod, String path) {
            return new Resource(httpMethod, path, null, null, null, null);
        }

        /** @return like the real one */
        public String getHttpMethod() {
            return httpMethod;
        }

        /** @return like the real one */
        public UriTemplate getPath() {
            return path;
        }

        /** @return like the real one */
        public UriTemplate getClassPath() {
            return classPath;
        }

        /** @return like the real one */
        public Class<?> getResourceClass() {
            return resourceClass;
        }

        /** @return like the real one */
        public String getJavaMethodName() {
            return javaMethodName;
        }

        /** @return like the real one */
        public Type getReturnType() {
            return returnType;
        }

        /** @return like the real one */
        public Object[] getHandlerChain() {
            return handlerChain;
        }
    }

    static final class Products {
    }

    static final class Reviews {
    }

    static final class Votes {
    }
}
