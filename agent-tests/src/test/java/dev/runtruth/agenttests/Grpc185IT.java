package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.Set;

/**
 * grpc-java 1.85.1: a grpc-netty-shaded server (health, reflection v1, an own service generated from a .proto, and a
 * service added after start to its fallback {@code MutableHandlerRegistry}) and a plain grpc-netty server (health,
 * reflection v1 and v1alpha) in one JVM.
 */
class Grpc185IT extends AbstractGrpcAppIT {

    @Override
    String service() {
        return "grpc185-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("grpc185");
    }

    @Override
    int servers() {
        return 2;
    }

    @Override
    int minimumRoutes() {
        return 5;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("POST /grpc.health.v1.Health/Check"),
                Route.parse("POST /runtruth.demo.v1.Inventory/Sync"),
                Route.parse("POST /runtruth.demo.v1.Audit/Tail"),
                Route.parse("POST /grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"));
    }
}
