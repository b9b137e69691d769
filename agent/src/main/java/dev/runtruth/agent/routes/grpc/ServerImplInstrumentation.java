package dev.runtruth.agent.routes.grpc;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructor of grpc-java's {@code io.grpc.internal.ServerImpl} (grpc-core), the {@code io.grpc.Server}
 * that {@code ServerBuilder#build()} returns for every transport built on {@code ServerImplBuilder}: grpc-netty,
 * grpc-netty-shaded (which shades Netty, not grpc-core), in-process and servlet. Nothing else happens in the hook:
 * methods are read from the server at scrape time by {@link GrpcRoutes}.
 */
public final class ServerImplInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.grpc.internal.ServerImpl";

    private ServerImplInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code ServerImpl} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object server) {
            GrpcRoutes.onServer(server);
        }
    }
}
