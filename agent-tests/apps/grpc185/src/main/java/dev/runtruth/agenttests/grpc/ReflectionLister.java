package dev.runtruth.agenttests.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server reflection client (protocol {@code grpc.reflection.v1}): for each {@code host:port} it asks
 * {@code list_services}, then {@code file_containing_symbol} for each service, and prints one line
 * {@code POST /<package.Service>/<Method>} per method the descriptors declare, sorted, then {@code END}.
 */
final class ReflectionLister {

    private ReflectionLister() {
    }

    static void main(String[] targets) throws Exception {
        TreeSet<String> lines = new TreeSet<>();
        for (String target : targets) {
            lines.addAll(list(target));
        }
        lines.forEach(System.out::println);
        System.out.println("END");
    }

    private static List<String> list(String target) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            Stream stream = new Stream(channel);
            ServerReflectionResponse services = stream.ask(ServerReflectionRequest.newBuilder()
                    .setListServices("*").build());
            List<String> lines = new ArrayList<>();
            for (ServiceResponse service : services.getListServicesResponse().getServiceList()) {
                ServerReflectionResponse files = stream.ask(ServerReflectionRequest.newBuilder()
                        .setFileContainingSymbol(service.getName()).build());
                if (files.hasErrorResponse()) {
                    throw new IllegalStateException(target + ": " + service.getName() + ": " + files.getErrorResponse());
                }
                lines.addAll(methods(service.getName(), files.getFileDescriptorResponse().getFileDescriptorProtoList()));
            }
            stream.close();
            return lines;
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static List<String> methods(String serviceName, List<ByteString> files) throws Exception {
        List<String> lines = new ArrayList<>();
        for (ByteString bytes : files) {
            FileDescriptorProto file = FileDescriptorProto.parseFrom(bytes);
            for (ServiceDescriptorProto service : file.getServiceList()) {
                String fullName = file.getPackage().isEmpty() ? service.getName()
                        : file.getPackage() + "." + service.getName();
                if (fullName.equals(serviceName)) {
                    for (MethodDescriptorProto method : service.getMethodList()) {
                        lines.add("POST /" + fullName + "/" + method.getName());
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no descriptor declares " + serviceName);
        }
        return lines;
    }

    /** One bidirectional ServerReflectionInfo call, used request by request. */
    private static final class Stream implements StreamObserver<ServerReflectionResponse> {
        private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        private final StreamObserver<ServerReflectionRequest> requests;

        Stream(ManagedChannel channel) {
            this.requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(this);
        }

        ServerReflectionResponse ask(ServerReflectionRequest request) throws Exception {
            requests.onNext(request);
            Object answer = answers.poll(30, TimeUnit.SECONDS);
            if (answer instanceof ServerReflectionResponse response) {
                return response;
            }
            throw new IllegalStateException("no reflection answer to " + request, (Throwable) answer);
        }

        void close() {
            requests.onCompleted();
        }

        @Override
        public void onNext(ServerReflectionResponse value) {
            answers.add(value);
        }

        @Override
        public void onError(Throwable t) {
            answers.add(t);
        }

        @Override
        public void onCompleted() {
        }
    }
}
