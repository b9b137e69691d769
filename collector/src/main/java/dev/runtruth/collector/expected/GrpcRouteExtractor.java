package dev.runtruth.collector.expected;

import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Derives the gRPC methods a grpc-java server serves for one service implementation, from class models only.
 *
 * <p>A service implementation is a concrete application class with a supertype nested in a generated
 * {@code *Grpc} class: {@code XxxGrpc.XxxImplBase} or {@code XxxGrpc.AsyncService} (grpc-java 1.57+), as
 * {@code protoc-gen-grpc-java} generates them. Its methods are those of the generated class: every
 * {@code getXxxMethod()} of the generated class carries {@code @io.grpc.stub.annotations.RpcMethod(fullMethodName =
 * "package.Service/Method")} (class retention, generated since grpc-java 1.16), and the method's route is
 * {@code POST /package.Service/Method}, what the agent reports ({@code ServerMethodDefinition#getMethodDescriptor()
 * .getFullMethodName()}); the handler is {@code package.XxxGrpc#Method}, as the agent's.
 *
 * <p>Generated classes may live in a library jar (health, reflection, a shared API jar): only the implementation
 * must be an application class. Not read: services whose implementation is bound by hand
 * ({@code ServerServiceDefinition.builder}), generated code without {@code @RpcMethod}, other generators (reactive-grpc,
 * Kotlin coroutines stubs), and whether the service is added to a server at all.
 */
final class GrpcRouteExtractor implements RouteExtractor {

    /** The framework value of every route this extractor produces, the same the agent exports. */
    static final String FRAMEWORK = "grpc";

    static final String RPC_METHOD = "io/grpc/stub/annotations/RpcMethod";

    private final Function<String, ClassModel> classes;
    private final InheritedMethods inherited;

    /** @param classes finds a class model by internal name, {@code null} when the input does not contain it */
    GrpcRouteExtractor(Function<String, ClassModel> classes) {
        this.classes = classes;
        this.inherited = new InheritedMethods(classes);
    }

    @Override
    public boolean isHandler(ClassModel type) {
        return !type.isInterface() && !type.isAbstract() && !generatedServices(type).isEmpty();
    }

    @Override
    public List<Route> routes(ClassModel handler) {
        List<Route> routes = new ArrayList<>();
        for (ClassModel generated : generatedServices(handler)) {
            for (String fullName : fullMethodNames(generated)) {
                String method = fullName.substring(fullName.lastIndexOf('/') + 1);
                routes.add(Route.of("POST", "/" + fullName, FRAMEWORK, generated.binaryName() + '#' + method));
            }
        }
        return routes;
    }

    /** @return the generated {@code *Grpc} classes that enclose a supertype of {@code type} */
    private List<ClassModel> generatedServices(ClassModel type) {
        Map<String, ClassModel> out = new LinkedHashMap<>();
        for (ClassModel supertype : inherited.supertypes(type)) {
            int dollar = supertype.name().lastIndexOf('$');
            if (dollar > 0 && supertype.name().substring(0, dollar).endsWith("Grpc")) {
                String outer = supertype.name().substring(0, dollar);
                ClassModel generated = out.containsKey(outer) ? null : classes.apply(outer);
                if (generated != null && !fullMethodNames(generated).isEmpty()) {
                    out.put(outer, generated);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** @return the {@code fullMethodName}s of the {@code @RpcMethod}s of a generated class, in declaration order */
    static List<String> fullMethodNames(ClassModel generated) {
        List<String> names = new ArrayList<>();
        for (ClassModel.MethodModel method : generated.methods()) {
            for (AnnotationInstance annotation : method.classRetained()) {
                if (annotation.type().equals(RPC_METHOD)
                        && annotation.values().get("fullMethodName") instanceof String name && name.contains("/")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
