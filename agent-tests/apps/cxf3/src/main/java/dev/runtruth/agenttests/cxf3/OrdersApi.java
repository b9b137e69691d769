package dev.runtruth.agenttests.cxf3;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

/**
 * Orders, declared the way CXF's own samples declare a service: every JAX-RS annotation on an interface (class-level
 * {@code @Path} included), the implementation {@link OrdersService} carries none. CXF reads them from the interface.
 */
@Path("/orders")
public interface OrdersApi {

    /** @return all orders */
    @GET
    String list();

    /** @param id an order id @return the order */
    @GET
    @Path("/{id}")
    String get(@PathParam("id") String id);

    /** @param id an order id */
    @DELETE
    @Path("/{id}")
    void cancel(@PathParam("id") String id);
}
