package dev.runtruth.agent.routes.grpc;

import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.Route;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.List;

/**
 * The methods of every running grpc-java server in this JVM, read at scrape time, as HTTP routes: gRPC calls are
 * {@code POST /<package.Service>/<Method>} over HTTP/2 (gRPC over HTTP/2 protocol spec).
 *
 * <p>Per server: {@code io.grpc.Server#getServices()} (grpc-java 1.x), which in {@code ServerImpl} holds the services
 * added to the builder and those of the fallback {@code HandlerRegistry} (a {@code MutableHandlerRegistry} lists the
 * services added to it, also after start); for each {@code ServerServiceDefinition#getMethods()} the
 * {@code MethodDescriptor#getFullMethodName()}. Servers not started yet or shut down serve nothing and are skipped.
 * The handler is the generated {@code *Grpc} class and the method name (from the service's schema descriptor, e.g.
 * {@code io.grpc.health.v1.HealthGrpc#Check}), else the full method name.
 */
public final class GrpcRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "grpc";

    /** Every gRPC call is an HTTP/2 POST. */
    static final String METHOD = "POST";

    private static final WeakObjects SERVERS = new WeakObjects();

    /**
     * Called by the constructor hook for every new {@code ServerImpl}; only remembers it (weakly).
     *
     * @param server the server under construction
     */
    public static void onServer(Object server) {
        SERVERS.add(server);
    }

    /** @return the {@code ServerImpl}s still alive, started or not, for the listener attribution */
    public static List<Object> servers() {
        return SERVERS.alive();
    }

    @Override
    public List<Route> routes() {
        return SERVERS.readEach("grpc.read", "could not read the services of", GrpcRoutes::collect);
    }

    private static void collect(Object server, List<Route> out) throws Exception {
        if (Boolean.TRUE.equals(callOrNull(server, "isShutdown"))) {
            SERVERS.remove(server); // a shut-down server never serves again
            return;
        }
        if (!isStarted(server)) {
            return;
        }
        Object services = Reflect.call(server, "getServices");
        if (!(services instanceof Collection)) {
            CaptureErrors.record("grpc.version", "unsupported grpc-java version (io.grpc.Server#getServices() not found): "
                    + "gRPC methods are not reported", null);
            return;
        }
        for (Object service : (Collection<?>) services) {
            String stub = generatedClass(service);
            for (Object method : (Collection<?>) Reflect.call(service, "getMethods")) {
                Object descriptor = Reflect.call(method, "getMethodDescriptor");
                String fullName = String.valueOf(Reflect.call(descriptor, "getFullMethodName"));
                int slash = fullName.lastIndexOf('/');
                String handler = stub == null ? fullName : stub + '#' + fullName.substring(slash + 1);
                out.add(Route.of(METHOD, "/" + fullName, FRAMEWORK, handler));
            }
        }
    }

    /**
     * @return whether {@code Server#getListenSockets()} answers: {@code ServerImpl} throws
     *         {@code IllegalStateException} before {@code start()} and after termination
     */
    private static boolean isStarted(Object server) throws Exception {
        try {
            Reflect.call(server, "getListenSockets");
            return true;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalStateException) {
                return false;
            }
            throw e;
        }
    }

    /**
     * @return the class that declares a generated service, e.g. {@code io.grpc.health.v1.HealthGrpc}: the enclosing
     *         class of the service descriptor's schema descriptor ({@code HealthGrpc$HealthFileDescriptorSupplier});
     *         {@code null} when the service has no schema descriptor (hand-built services)
     */
    private static String generatedClass(Object service) throws Exception {
        Object descriptor = Reflect.call(service, "getServiceDescriptor");
        Object schema = descriptor == null ? null : Reflect.call(descriptor, "getSchemaDescriptor");
        if (schema == null) {
            return null;
        }
        Class<?> type = schema.getClass();
        while (type.getEnclosingClass() != null) {
            type = type.getEnclosingClass();
        }
        return type.getName();
    }

    private static Object callOrNull(Object target, String name) {
        try {
            return Reflect.call(target, name);
        } catch (Exception e) {
            return null;
        }
    }
}
