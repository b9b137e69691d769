package dev.runtruth.agenttests.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.util.MutableHandlerRegistry;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The gRPC test app. {@code serve <shadedPort> <plainPort>} starts two servers on 127.0.0.1 and prints
 * {@code READY} when every service is registered; {@code reflect <host:port>...} runs {@link ReflectionLister}.
 *
 * <ul>
 *   <li>grpc-netty-shaded server: health, reflection v1, the own {@code runtruth.demo.v1.Inventory} service, and
 *       {@code runtruth.demo.v1.Audit} added after start to its fallback {@link MutableHandlerRegistry};</li>
 *   <li>plain grpc-netty server: health, reflection v1 and the deprecated reflection v1alpha.</li>
 * </ul>
 */
public final class GrpcApp {

    private GrpcApp() {
    }

    /**
     * @param args {@code serve <shadedPort> <plainPort>} or {@code reflect <host:port>...}
     * @throws Exception if a server cannot start or the reflection client fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("reflect")) {
            ReflectionLister.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length != 3 || !args[0].equals("serve")) {
            System.err.println("usage: serve <shadedPort> <plainPort> | reflect <host:port>...");
            System.exit(2);
        }
        HealthStatusManager health = new HealthStatusManager();
        MutableHandlerRegistry fallback = new MutableHandlerRegistry();
        Server shaded = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(new InventoryService())
                .fallbackHandlerRegistry(fallback)
                .build()
                .start();
        Server plain = io.grpc.netty.NettyServerBuilder
                .forAddress(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2])))
                .addService(new HealthStatusManager().getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(deprecatedReflection())
                .build()
                .start();
        // registered after start, like a plugin that brings its own service
        fallback.addService(new AuditService());
        System.out.println("serving shaded=" + shaded.getPort() + " plain=" + plain.getPort());
        System.out.println("READY");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shaded.shutdownNow();
            plain.shutdownNow();
        }));
        shaded.awaitTermination();
    }

    @SuppressWarnings("deprecation")
    private static io.grpc.BindableService deprecatedReflection() {
        return ProtoReflectionService.newInstance();
    }
}
