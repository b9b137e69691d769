package dev.runtruth.agent.routes.grpc;

import dev.runtruth.agent.routes.FrameworkCapture;
import java.util.Collections;

/** gRPC Java ({@code framework="grpc"}): hook {@code io.grpc.internal.ServerImpl}, read its services. */
public final class GrpcCapture {

    private GrpcCapture() {
    }

    /** @return the capture of grpc-java servers */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(GrpcRoutes.FRAMEWORK, "io/grpc/",
                Collections.singletonList(ServerImplInstrumentation.hook()), new GrpcRoutes());
    }
}
