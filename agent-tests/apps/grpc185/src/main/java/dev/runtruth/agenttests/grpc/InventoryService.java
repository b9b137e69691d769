package dev.runtruth.agenttests.grpc;

import dev.runtruth.agenttests.grpc.inventory.GetItemRequest;
import dev.runtruth.agenttests.grpc.inventory.InventoryGrpc;
import dev.runtruth.agenttests.grpc.inventory.Item;
import dev.runtruth.agenttests.grpc.inventory.ListItemsRequest;
import dev.runtruth.agenttests.grpc.inventory.PutItemsReply;
import io.grpc.stub.StreamObserver;

/** The app's own service, generated from {@code inventory.proto}: unary, server, client and bidi streaming. */
final class InventoryService extends InventoryGrpc.InventoryImplBase {

    @Override
    public void getItem(GetItemRequest request, StreamObserver<Item> responses) {
        responses.onNext(Item.newBuilder().setId(request.getId()).setName("item " + request.getId()).build());
        responses.onCompleted();
    }

    @Override
    public void listItems(ListItemsRequest request, StreamObserver<Item> responses) {
        for (int i = 0; i < request.getPageSize(); i++) {
            responses.onNext(Item.newBuilder().setId(String.valueOf(i)).build());
        }
        responses.onCompleted();
    }

    @Override
    public StreamObserver<Item> putItems(StreamObserver<PutItemsReply> responses) {
        return new StreamObserver<Item>() {
            private int count;

            @Override
            public void onNext(Item item) {
                count++;
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                responses.onNext(PutItemsReply.newBuilder().setCount(count).build());
                responses.onCompleted();
            }
        };
    }

    @Override
    public StreamObserver<Item> sync(StreamObserver<Item> responses) {
        return new StreamObserver<Item>() {
            @Override
            public void onNext(Item item) {
                responses.onNext(item);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                responses.onCompleted();
            }
        };
    }
}
