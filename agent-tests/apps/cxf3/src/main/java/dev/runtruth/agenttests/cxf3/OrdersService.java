package dev.runtruth.agenttests.cxf3;

/** The implementation of {@link OrdersApi}: no JAX-RS annotation of its own. */
public class OrdersService implements OrdersApi {

    @Override
    public String list() {
        return "[]";
    }

    @Override
    public String get(String id) {
        return id;
    }

    @Override
    public void cancel(String id) {
        // nothing to cancel
    }
}
