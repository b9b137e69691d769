package dev.runtruth.agent.routes.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JavalinRoutesTest {

    @Test
    void readsEndpointsOfAJavalin6StyleConfigWithTheContextPath() {
        FakeConfig config = new FakeConfig("/ctx",
                Arrays.asList(
                        new FakeParsedEndpoint(new FakeEndpoint(new FakeType("GET", true), "/jt1/users/{id}")),
                        new FakeParsedEndpoint(new FakeEndpoint(new FakeType("BEFORE", false), "/jt1/*")),
                        new FakeParsedEndpoint(new FakeEndpoint(new FakeType("POST", true), "/jt1/files/<path>"))),
                Arrays.asList(new FakeWsEntry("WEBSOCKET", "/jt1/chat/{room}"),
                        new FakeWsEntry("WEBSOCKET_BEFORE", "/jt1/*")));
        long errors = CaptureErrors.count();
        List<Route> out = new java.util.ArrayList<>();

        collect(config, out);

        assertThat(out).extracting(Route::toString).containsExactly(
                "GET /ctx/jt1/users/{id}", "POST /ctx/jt1/files/{path}", "WS /ctx/jt1/chat/{room}");
        assertThat(out.get(0).handler()).isEqualTo(FakeEndpoint.class.getName()); // lambda declared there
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void readsTheHandlerOfJavalin60ThroughItsKotlinInternalGetterOrItsField() {
        FakeConfig config = new FakeConfig("/", Arrays.asList(
                new FakeParsedEndpoint(new FakeEndpoint60(new FakeType("GET", true), "/jt3/internal")),
                new FakeParsedEndpoint(new FakeFieldOnlyEndpoint(new FakeType("PUT", true), "/jt3/field"))),
                java.util.Collections.emptyList());
        long errors = CaptureErrors.count();
        List<Route> out = new java.util.ArrayList<>();

        collect(config, out);

        assertThat(out).extracting(Route::toString).containsExactly("GET /jt3/internal", "PUT /jt3/field");
        assertThat(out).extracting(Route::handler)
                .containsExactly(FakeEndpoint60.class.getName(), FakeFieldOnlyEndpoint.class.getName());
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void anUnreadableHandlerKeepsTheRouteWithAnEmptyHandlerAndRecordsOneError() {
        FakeConfig config = new FakeConfig("/ctx", Arrays.asList(
                new FakeParsedEndpoint(new FakeBrokenEndpoint(new FakeType("GET", true), "/jt4/a")),
                new FakeParsedEndpoint(new FakeEndpoint(new FakeType("GET", true), "/jt4/b")),
                new FakeParsedEndpoint(new FakeBrokenEndpoint(new FakeType("DELETE", true), "/jt4/c"))),
                Arrays.asList(new FakeWsEntry("WEBSOCKET", "/jt4/ws")));
        long errors = CaptureErrors.count();
        List<Route> out = new java.util.ArrayList<>();

        collect(config, out);

        assertThat(out).extracting(Route::toString)
                .containsExactly("GET /ctx/jt4/a", "GET /ctx/jt4/b", "DELETE /ctx/jt4/c", "WS /ctx/jt4/ws");
        assertThat(out).extracting(Route::handler).containsExactly("", FakeEndpoint.class.getName(), "", "");
        assertThat(CaptureErrors.count()).as("one error for the read, not one per endpoint").isEqualTo(errors + 1);
    }

    @Test
    void anAppWithoutJavalin6Or7LandmarksIsIgnoredWithoutError() {
        long errors = CaptureErrors.count();
        JavalinRoutes.onJavalin(new Object()); // the test class path has no io.javalin classes

        assertThat(new JavalinRoutes().routes()).isEmpty();
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void namesALambdaHandlerByItsDeclaringClass() {
        Runnable lambda = () -> { };
        assertThat(JavalinRoutes.handlerName(lambda)).isEqualTo(JavalinRoutesTest.class.getName());
        assertThat(JavalinRoutes.handlerName("x")).isEqualTo("java.lang.String");
        assertThat(JavalinRoutes.handlerName(null)).isEmpty();
    }

    private static void collect(FakeConfig config, List<Route> out) {
        try {
            java.lang.reflect.Method collect = JavalinRoutes.class.getDeclaredMethod("collect",
                    JavalinInternals.class, List.class);
            collect.setAccessible(true);
            collect.invoke(null, JavalinInternals.of(config), out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Stands in for Javalin 6's {@code JavalinConfig}: public fields {@code pvt} and {@code router}. */
    public static final class FakeConfig {
        public final FakePrivateConfig pvt;
        public final FakeRouterConfig router;

        FakeConfig(String contextPath, List<FakeParsedEndpoint> http, List<FakeWsEntry> ws) {
            this.pvt = new FakePrivateConfig(new FakeInternalRouter(http, ws));
            this.router = new FakeRouterConfig(contextPath);
        }
    }

    /** Stands in for {@code PrivateConfig}. */
    public static final class FakePrivateConfig {
        public final FakeInternalRouter internalRouter;

        FakePrivateConfig(FakeInternalRouter internalRouter) {
            this.internalRouter = internalRouter;
        }
    }

    /** Stands in for {@code RouterConfig}. */
    public static final class FakeRouterConfig {
        public final String contextPath;

        FakeRouterConfig(String contextPath) {
            this.contextPath = contextPath;
        }
    }

    /** Stands in for {@code InternalRouter}. */
    public static final class FakeInternalRouter {
        private final List<FakeParsedEndpoint> http;
        private final List<FakeWsEntry> ws;

        FakeInternalRouter(List<FakeParsedEndpoint> http, List<FakeWsEntry> ws) {
            this.http = http;
            this.ws = ws;
        }

        public List<FakeParsedEndpoint> allHttpHandlers() {
            return http;
        }

        public List<FakeWsEntry> allWsHandlers() {
            return ws;
        }
    }

    /** Stands in for Javalin 6's {@code ParsedEndpoint} (Kotlin getter). */
    public static final class FakeParsedEndpoint {
        private final Object endpoint;

        FakeParsedEndpoint(Object endpoint) {
            this.endpoint = endpoint;
        }

        public Object getEndpoint() {
            return endpoint;
        }
    }

    /** Stands in for Javalin 7's {@code Endpoint} (Kotlin {@code @JvmField}s). */
    public static final class FakeEndpoint {
        public final FakeType method;
        public final String path;
        public final Runnable handler = () -> { };

        FakeEndpoint(FakeType method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    /** Stands in for Javalin 6.0.x's {@code Endpoint}: private field, Kotlin-internal getter {@code getHandler$javalin()}. */
    public static final class FakeEndpoint60 {
        private final FakeType method;
        private final String path;
        private final Runnable handler = () -> { };

        FakeEndpoint60(FakeType method, String path) {
            this.method = method;
            this.path = path;
        }

        public FakeType getMethod() {
            return method;
        }

        public String getPath() {
            return path;
        }

        public Runnable getHandler$javalin() {
            return handler;
        }
    }

    /** An endpoint whose handler is only a private field. */
    public static final class FakeFieldOnlyEndpoint {
        public final FakeType method;
        public final String path;
        @SuppressWarnings("unused") // read by reflection
        private final Runnable handler = () -> { };

        FakeFieldOnlyEndpoint(FakeType method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    /** An endpoint whose handler getter fails. */
    public static final class FakeBrokenEndpoint {
        public final FakeType method;
        public final String path;

        FakeBrokenEndpoint(FakeType method, String path) {
            this.method = method;
            this.path = path;
        }

        public Runnable getHandler() {
            throw new IllegalStateException("no handler here");
        }
    }

    /** Stands in for {@code HandlerType} (Javalin 6 enum, Javalin 7 record). */
    public static final class FakeType {
        private final String name;
        private final boolean http;

        FakeType(String name, boolean http) {
            this.name = name;
            this.http = http;
        }

        public String name() {
            return name;
        }

        public boolean isHttpMethod() {
            return http;
        }
    }

    /** Stands in for {@code WsHandlerEntry} (Kotlin data class). */
    public static final class FakeWsEntry {
        private final String type;
        private final String path;

        FakeWsEntry(String type, String path) {
            this.type = type;
            this.path = path;
        }

        public String getType() {
            return type;
        }

        public String getPath() {
            return path;
        }
    }
}
