package dev.runtruth.agent.routes.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GrpcRoutesTest {

    @Test
    void everyMethodOfEveryServiceOfARunningServerIsAPost() {
        FakeServer running = new FakeServer(true, false,
                new FakeService(new Schema(), "demo.v1.Inventory/GetItem", "demo.v1.Inventory/Sync"),
                new FakeService(null, "demo.v1.Hand/Made"));
        FakeServer notStarted = new FakeServer(false, false, new FakeService(null, "demo.v1.NotStarted/Call"));
        FakeServer shutDown = new FakeServer(true, true, new FakeService(null, "demo.v1.ShutDown/Call"));
        long errors = CaptureErrors.count();
        GrpcRoutes.onServer(running);
        GrpcRoutes.onServer(running);
        GrpcRoutes.onServer(notStarted);
        GrpcRoutes.onServer(shutDown);

        List<Route> routes = demoRoutes();

        assertThat(routes).extracting(Route::toString).containsExactly("POST /demo.v1.Inventory/GetItem",
                "POST /demo.v1.Inventory/Sync", "POST /demo.v1.Hand/Made");
        assertThat(routes).extracting(Route::handler).containsExactly(GrpcRoutesTest.class.getName() + "#GetItem",
                GrpcRoutesTest.class.getName() + "#Sync", "demo.v1.Hand/Made");
        assertThat(routes).extracting(Route::framework).containsOnly("grpc");
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }

    @Test
    void aServerWithoutGetServicesGivesNoRoutesAndARecordedFailure() {
        Object old = new OldServer();
        long errors = CaptureErrors.count();
        GrpcRoutes.onServer(old);

        assertThat(new GrpcRoutes().routes()).extracting(Route::template).doesNotContain("/old.Service/Call");
        assertThat(CaptureErrors.count()).isGreaterThan(errors);
    }

    private static List<Route> demoRoutes() {
        return new GrpcRoutes().routes().stream().filter(r -> r.template().startsWith("/demo."))
                .collect(Collectors.toList());
    }

    /** Stands in for {@code io.grpc.internal.ServerImpl}. */
    public static final class FakeServer {
        private final boolean started;
        private final boolean shutdown;
        private final List<FakeService> services;

        FakeServer(boolean started, boolean shutdown, FakeService... services) {
            this.started = started;
            this.shutdown = shutdown;
            this.services = Arrays.asList(services);
        }

        /** @return like {@code Server#getServices()} */
        public List<FakeService> getServices() {
            return services;
        }

        /** @return like {@code Server#isShutdown()} */
        public boolean isShutdown() {
            return shutdown;
        }

        /** @return the sockets; throws like {@code ServerImpl} before start */
        public List<Object> getListenSockets() {
            if (!started) {
                throw new IllegalStateException("Not started");
            }
            return Collections.emptyList();
        }
    }

    /** A server of a grpc-java the agent does not know: no {@code getServices()}. */
    public static final class OldServer {
        /** @return false */
        public boolean isShutdown() {
            return false;
        }

        /** @return no sockets */
        public List<Object> getListenSockets() {
            return Collections.emptyList();
        }
    }

    /** Stands in for {@code ServerServiceDefinition}. */
    public static final class FakeService {
        private final Object schema;
        private final List<FakeMethod> methods;

        FakeService(Object schema, String... fullNames) {
            this.schema = schema;
            this.methods = Arrays.stream(fullNames).map(FakeMethod::new).collect(Collectors.toList());
        }

        /** @return like {@code getServiceDescriptor()} */
        public FakeService getServiceDescriptor() {
            return this;
        }

        /** @return like {@code ServiceDescriptor#getSchemaDescriptor()} */
        public Object getSchemaDescriptor() {
            return schema;
        }

        /** @return like {@code getMethods()} */
        public List<FakeMethod> getMethods() {
            return methods;
        }
    }

    /** Stands in for {@code ServerMethodDefinition} and {@code MethodDescriptor}. */
    public static final class FakeMethod {
        private final String fullName;

        FakeMethod(String fullName) {
            this.fullName = fullName;
        }

        /** @return this */
        public FakeMethod getMethodDescriptor() {
            return this;
        }

        /** @return {@code package.Service/Method} */
        public String getFullMethodName() {
            return fullName;
        }
    }

    /** A generated stub's nested supplier: its outermost class names the handler. */
    public static final class Schema {
    }
}
