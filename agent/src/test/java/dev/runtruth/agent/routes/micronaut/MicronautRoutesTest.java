package dev.runtruth.agent.routes.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MicronautRoutesTest {

    @Test
    void readsEveryUriRouteOfARememberedRouter() {
        FakeRouter router = new FakeRouter(new FakeRoute("GET", "/books{?max,offset}", FakeRouter.class, "list"),
                new FakeRoute("HEAD", "/files{/path:.*}", FakeRouter.class, "file"),
                new FakeRoute("DELETE", "/books/{id:[0-9]+}", FakeRouter.class, "delete"));
        long errors = CaptureErrors.count();
        MicronautRoutes.onRouter(router);
        MicronautRoutes.onRouter(router); // a constructor delegating to another: remembered once

        List<Route> routes = routesOf(FakeRouter.class.getName());

        assertThat(routes).extracting(Route::toString)
                .containsExactly("GET /books", "HEAD /files/{*path}", "DELETE /books/{id}");
        assertThat(routes.get(0).handler()).isEqualTo(FakeRouter.class.getName() + "#list");
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void aRouterWithoutMicronaut4sRouteModelGivesNoRoutesAndARecordedFailure() {
        // a class loader that does not know the landmark: a Micronaut 3 (or older) application
        ClassLoader withoutLandmark = new ClassLoader(MicronautRoutesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals("io.micronaut.web.router.UriRouteInfo")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        Object router = Proxy.newProxyInstance(withoutLandmark, new Class<?>[] {Micronaut3Router.class},
                (proxy, method, args) -> method.getName().equals("uriRoutes")
                        ? Stream.of(new FakeRoute("GET", "/old", FakeRouter.class, "old")) : null);
        long errors = CaptureErrors.count();
        MicronautRoutes.onRouter(router);

        assertThat(new MicronautRoutes().routes()).extracting(Route::template).doesNotContain("/old");
        assertThat(CaptureErrors.count()).isGreaterThan(errors);
    }

    private static List<Route> routesOf(String handlerType) {
        return new MicronautRoutes().routes().stream().filter(r -> r.handler().startsWith(handlerType + "#"))
                .collect(Collectors.toList());
    }

    /** The public API of a Micronaut router the agent uses. */
    public interface Micronaut3Router {
        /** @return the routes */
        Stream<?> uriRoutes();
    }

    /** Stands in for {@code io.micronaut.web.router.DefaultRouter}. */
    public static final class FakeRouter {
        private final List<FakeRoute> routes;

        FakeRouter(FakeRoute... routes) {
            this.routes = new ArrayList<>(Arrays.asList(routes));
        }

        /** @return like {@code Router#uriRoutes()} */
        public Stream<FakeRoute> uriRoutes() {
            return routes.stream();
        }
    }

    /** Stands in for {@code UriRouteInfo}: method name, template and target method. */
    public static final class FakeRoute {
        private final String method;
        private final String template;
        private final FakeTarget target;

        FakeRoute(String method, String template, Class<?> type, String name) {
            this.method = method;
            this.template = template;
            this.target = new FakeTarget(type, name);
        }

        /** @return the HTTP method */
        public String getHttpMethodName() {
            return method;
        }

        /** @return the template; Micronaut returns a {@code UriMatchTemplate} whose {@code toString()} is the text */
        public Object getUriMatchTemplate() {
            return new StringBuilder(template);
        }

        /** @return the target method handle */
        public FakeTarget getTargetMethod() {
            return target;
        }
    }

    /** Stands in for {@code MethodExecutionHandle}. */
    public static final class FakeTarget {
        private final Class<?> type;
        private final String name;

        FakeTarget(Class<?> type, String name) {
            this.type = type;
            this.name = name;
        }

        /** @return the declaring type */
        public Class<?> getDeclaringType() {
            return type;
        }

        /** @return the method name */
        public String getMethodName() {
            return name;
        }
    }
}
