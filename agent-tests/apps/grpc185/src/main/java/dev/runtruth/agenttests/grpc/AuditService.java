package dev.runtruth.agenttests.grpc;

import dev.runtruth.agenttests.grpc.inventory.AuditEvent;
import dev.runtruth.agenttests.grpc.inventory.AuditGrpc;
import dev.runtruth.agenttests.grpc.inventory.TailRequest;
import io.grpc.stub.StreamObserver;

/** Added to the shaded server's fallback {@code MutableHandlerRegistry} after the server started. */
final class AuditService extends AuditGrpc.AuditImplBase {

    @Override
    public void tail(TailRequest request, StreamObserver<AuditEvent> responses) {
        responses.onNext(AuditEvent.newBuilder().setText("started").build());
        responses.onCompleted();
    }
}
