package dev.runtruth.agent.routes.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VertxWebRoutesTest {

    @Test
    void walksMountedSubRoutersFromTheRootOnly() {
        FakeRouter admin = new FakeRouter(FakeRoute.path("/stats", true, "POST"));
        FakeRouter api = new FakeRouter(
                FakeRoute.path("/users/:id", true, "GET", "DELETE"),
                FakeRoute.mount("/admin/", admin));
        FakeRouter root = new FakeRouter(
                FakeRoute.pathless(),
                FakeRoute.path("/vt1/hello", true, "GET"),
                FakeRoute.path("/vt1/static/", false),
                FakeRoute.regex("\\/vt1\\/reports\\/[0-9]{4}\\.csv", "GET"),
                FakeRoute.mount("/vt1/api/", api));
        long errors = CaptureErrors.count();

        Set<String> routes = read(admin, root, api);

        assertThat(routes).contains("* /**", "GET /vt1/hello", "* /vt1/static/**",
                Route.of("GET", "\\/vt1\\/reports\\/[0-9]{4}\\.csv", "", "").toString(),
                "GET /vt1/api/users/{id}", "DELETE /vt1/api/users/{id}", "POST /vt1/api/admin/stats");
        assertThat(routes).as("sub-routers are not reported again at the root")
                .doesNotContain("GET /users/{id}", "POST /stats", "POST /admin/stats");
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void aRouteWhoseMountCannotBeToldIsReportedPlainWithOneError() {
        FakeRouter old = new FakeRouter(new OldRoute());
        long errors = CaptureErrors.count();

        assertThat(read(old)).contains("GET /vt2/old");
        assertThat(CaptureErrors.count()).as("one error for the read").isEqualTo(errors + 1);
    }

    @Test
    void followsAVertx4MountThroughTheSubRouterItsHandlerCaptured() {
        FakeRouter sub = new FakeRouter(LegacyRoute.path("/items/:id", "GET"));
        FakeRouter root = new FakeRouter(LegacyRoute.path("/vt3/plain", "POST"), LegacyRoute.mount("/vt3/shop/", sub));
        long errors = CaptureErrors.count();

        Set<String> routes = read(sub, root);

        assertThat(routes).contains("POST /vt3/plain", "GET /vt3/shop/items/{id}")
                .doesNotContain("GET /items/{id}", "* /vt3/shop/**");
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void aVertx4AppWithoutSubRoutersReadsCleanly() {
        FakeRouter root = new FakeRouter(LegacyRoute.path("/vt4/a", "GET"), LegacyRoute.pathless());
        long errors = CaptureErrors.count();

        assertThat(read(root)).containsExactly("GET /vt4/a", "* /**");
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void anUnreadableMountIsReportedAsItsPrefixWithOneError() {
        LegacyRoute broken = LegacyRoute.brokenMount("/vt5/api/");
        FakeRouter root = new FakeRouter(LegacyRoute.path("/vt5/ok", "GET"), broken, LegacyRoute.brokenMount("/vt5/b/"));
        long errors = CaptureErrors.count();

        assertThat(read(root)).containsExactly("GET /vt5/ok", "* /vt5/api/**", "* /vt5/b/**");
        assertThat(CaptureErrors.count()).as("one error for the read").isEqualTo(errors + 1);
    }

    /** Quarkus 3.27's main router under root path /svc and application path /shop, as the agent reads it there. */
    @Test
    void quarkusRestDispatchRoutesAreLeftOutWhileJaxrsReportsRoutes() {
        FakeRouter quarkus = new FakeRouter(
                LegacyRoute.handled("/svc/", false, new io.quarkus.resteasy.reactive.server.runtime
                        .ResteasyReactiveRecorder().passThrough()),
                LegacyRoute.handled("/svc/q/health", true, (Runnable) () -> { }),
                LegacyRoute.handled("/svc/shop", true,
                        new org.jboss.resteasy.reactive.server.vertx.ResteasyReactiveVertxHandler()),
                LegacyRoute.handled("/svc/shop/", false,
                        new org.jboss.resteasy.reactive.server.vertx.ResteasyReactiveVertxHandler()),
                LegacyRoute.handled("/svc/mixed/", false,
                        new org.jboss.resteasy.reactive.server.vertx.ResteasyReactiveVertxHandler(),
                        (Runnable) () -> { }));

        assertThat(routes(new RouterWalk(java.util.Collections.singleton("jaxrs")).read(Arrays.<Object>asList(quarkus))))
                .containsExactly("* /svc/q/health", "* /svc/mixed/**");
        assertThat(routes(new RouterWalk(java.util.Collections.singleton("spring-webmvc")).read(Arrays.<Object>asList(quarkus))))
                .as("no JAX-RS routes reported: the dispatch routes are kept")
                .containsExactly("* /svc/**", "* /svc/q/health", "* /svc/shop", "* /svc/shop/**", "* /svc/mixed/**");
    }

    /**
     * Quarkus 3.27's router under root path /svc besides its routes: a path-less route with failure handlers only (no
     * request handler: it answers no request) and the path-less route of {@code HttpServerCommonHandlers}' body-size
     * check (middleware: it refuses or hands on). Neither is a route, whatever else reports routes; a route whose
     * handlers cannot be read is still reported.
     */
    @Test
    void routesWithoutARequestHandlerAndQuarkusMiddlewareAreNotRoutes() {
        FakeRouter quarkus = new FakeRouter(
                LegacyRoute.handled(null, false),
                LegacyRoute.failureOnly(),
                LegacyRoute.handled(null, false,
                        io.quarkus.vertx.http.runtime.options.HttpServerCommonHandlers.enforceMaxBodySize()),
                LegacyRoute.handled("/svc/q/health", true, (Runnable) () -> { }),
                LegacyRoute.handled("/svc/mixed/", false,
                        io.quarkus.vertx.http.runtime.options.HttpServerCommonHandlers.enforceMaxBodySize(),
                        (Runnable) () -> { }),
                LegacyRoute.brokenMount("/svc/unreadable/"));
        long errors = CaptureErrors.count();

        assertThat(routes(new RouterWalk().read(Arrays.<Object>asList(quarkus))))
                .containsExactly("* /svc/q/health", "* /svc/mixed/**", "* /svc/unreadable/**");
        assertThat(VertxDispatchers.middleware(null)).isFalse();
        assertThat(CaptureErrors.count() - errors).as("only the unreadable route's mount").isEqualTo(1);
    }

    @Test
    void readsAPrefixAsAnyDepthAndAPathlessRouteAsCatchAll() throws Exception {
        assertThat(VertxRoute.template(FakeRoute.path("/static/", false))).isEqualTo("/static/**");
        assertThat(VertxRoute.template(FakeRoute.path("/", false))).isEqualTo("/**");
        assertThat(VertxRoute.template(FakeRoute.path("/exact", true))).isEqualTo("/exact");
        assertThat(VertxRoute.template(FakeRoute.pathless())).isEqualTo("/**");
    }

    @Test
    void theSourceReadsEveryRouterTheHookRemembered() {
        FakeRouter router = new FakeRouter(FakeRoute.path("/vt6/remembered", true, "GET"));
        VertxWebRoutes.onRouter(router);

        assertThat(routes(new VertxWebRoutes().routes())).contains("GET /vt6/remembered");
        assertThat(router.getRoutes()).hasSize(1); // keeps the weakly remembered router alive until here
    }

    @Test
    void joinsAMountPathAndARouteLikeVertxWeb() {
        assertThat(VertxRoute.join("", "/a")).isEqualTo("/a");
        assertThat(VertxRoute.join("/api/", "/a")).isEqualTo("/api/a");
        assertThat(VertxRoute.join("/api", "/a")).isEqualTo("/api/a");
        assertThat(VertxRoute.join("/api/", "\\/x")).isEqualTo("/api/\\/x");
    }

    private static Set<String> read(Object... routers) {
        return routes(new RouterWalk().read(Arrays.asList(routers)));
    }

    private static Set<String> routes(List<Route> routes) {
        return routes.stream().map(Route::toString).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Stands in for {@code io.vertx.ext.web.impl.RouterImpl}. */
    public static final class FakeRouter implements io.vertx.ext.web.Router {
        private final List<Object> routes;

        FakeRouter(Object... routes) {
            this.routes = new ArrayList<>(Arrays.asList(routes));
        }

        /** @return like {@code Router#getRoutes()} */
        public List<Object> getRoutes() {
            return routes;
        }
    }

    /** Stands in for {@code io.vertx.core.http.HttpMethod}. */
    public static final class FakeMethod {
        private final String name;

        FakeMethod(String name) {
            this.name = name;
        }

        /** @return the method name */
        public String name() {
            return name;
        }
    }

    /** Stands in for the package-private {@code RouteState}. */
    static final class FakeState {
        private final Pattern pattern;

        FakeState(Pattern pattern) {
            this.pattern = pattern;
        }

        /** @return the route's regex, or {@code null} */
        public Pattern getPattern() {
            return pattern;
        }
    }

    /** Stands in for {@code io.vertx.ext.web.impl.RouteImpl} (vertx-web 4.5.x/5.x, with getSubRouter()). */
    public static final class FakeRoute {
        private final String path;
        private final boolean exact;
        private final Set<FakeMethod> methods = new LinkedHashSet<>();
        private final Object subRouter;
        @SuppressWarnings("unused") // read by reflection, like RouteImpl.state
        private final FakeState state;

        private FakeRoute(String path, boolean exact, Pattern pattern, Object subRouter, String... methods) {
            this.path = path;
            this.exact = exact;
            this.state = new FakeState(pattern);
            this.subRouter = subRouter;
            for (String method : methods) {
                this.methods.add(new FakeMethod(method));
            }
        }

        static FakeRoute path(String path, boolean exact, String... methods) {
            return new FakeRoute(path, exact, null, null, methods);
        }

        static FakeRoute regex(String regex, String... methods) {
            return new FakeRoute(null, true, Pattern.compile(regex), null, methods);
        }

        static FakeRoute pathless() {
            return new FakeRoute(null, false, null, null);
        }

        static FakeRoute mount(String path, Object subRouter) {
            return new FakeRoute(path, false, null, subRouter);
        }

        public String getPath() {
            return path;
        }

        public boolean isExactPath() {
            return exact;
        }

        public boolean isRegexPath() {
            return state.getPattern() != null;
        }

        public Set<FakeMethod> methods() {
            return methods;
        }

        public Object getSubRouter() {
            return subRouter;
        }

        public String getName() {
            return "named";
        }
    }

    /** Stands in for vertx-web 4.0-4.5.25's package-private {@code RouteState}: no {@code getSubRouter()}. */
    static final class LegacyState {
        private final List<Object> handlers;
        private final boolean exact;

        LegacyState(boolean exact, Object... handlers) {
            this.exact = exact;
            this.handlers = handlers == null ? null : Arrays.asList(handlers);
        }

        public List<Object> getContextHandlers() {
            if (handlers == null) {
                throw new IllegalStateException("handlers unreadable");
            }
            return handlers;
        }

        public boolean isExactPath() {
            return exact;
        }

        public java.util.regex.Pattern getPattern() {
            return null;
        }
    }

    /** A {@code RouteState} to which no request handler was ever added (vertx-web 4.5.23 creates the list lazily). */
    static final class NoHandlersState {
        public List<Object> getContextHandlers() {
            return null;
        }

        public boolean isExactPath() {
            return false;
        }

        public java.util.regex.Pattern getPattern() {
            return null;
        }
    }

    /** Stands in for vertx-web 4.0-4.5.25's {@code RouteImpl}: no {@code getSubRouter()}, no {@code isExactPath()}. */
    public static final class LegacyRoute {
        private final String path;
        private final Set<FakeMethod> methods = new LinkedHashSet<>();
        @SuppressWarnings("unused") // read by reflection, like RouteImpl.state
        private final Object state;

        private LegacyRoute(String path, Object state, String... methods) {
            this.path = path;
            this.state = state;
            for (String method : methods) {
                this.methods.add(new FakeMethod(method));
            }
        }

        static LegacyRoute path(String path, String... methods) {
            return new LegacyRoute(path, new LegacyState(true, (Runnable) () -> { }), methods);
        }

        static LegacyRoute pathless() {
            return new LegacyRoute(null, new LegacyState(false, (Runnable) () -> { }));
        }

        /** Like vertx-web 4.5.23's route with failure handlers only: its list of request handlers is {@code null}. */
        static LegacyRoute failureOnly() {
            return new LegacyRoute(null, new NoHandlersState());
        }

        static LegacyRoute handled(String path, boolean exact, Object... handlers) {
            return new LegacyRoute(path, new LegacyState(exact, handlers));
        }

        /** Like {@code route(path + "*").subRouter(sub)}: the handler is a lambda that captured the sub-router. */
        static LegacyRoute mount(String path, Object sub) {
            return new LegacyRoute(path, new LegacyState(false,
                    new io.vertx.ext.web.impl.RouteImpl$$Lambda$Mount((io.vertx.ext.web.Router) sub)));
        }

        /** A route whose handlers cannot be read: whether it is a mount cannot be told. */
        static LegacyRoute brokenMount(String path) {
            return new LegacyRoute(path, new LegacyState(false, (Object[]) null));
        }

        public String getPath() {
            return path;
        }

        public boolean isRegexPath() {
            return false;
        }

        public Set<FakeMethod> methods() {
            return methods;
        }
    }

    /** A route of a vertx-web that has neither {@code Route#getSubRouter()} nor {@code RouteImpl.state}. */
    public static final class OldRoute {
        public String getPath() {
            return "/vt2/old";
        }

        public Set<FakeMethod> methods() {
            return new LinkedHashSet<>(Arrays.asList(new FakeMethod("GET")));
        }
    }
}
