package dev.runtruth.agenttests.boot27jersey;

import java.util.Arrays;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Root resource: regex templates and a sub-resource locator. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @GET
    public List<String> list() {
        return Arrays.asList("o1", "o2");
    }

    @POST
    public String create() {
        return "created";
    }

    @GET
    @Path("{orderId: [0-9]+}")
    public String get(@PathParam("orderId") long orderId) {
        return "order " + orderId;
    }

    @PUT
    @Path("{orderId: [0-9]+}")
    public String update(@PathParam("orderId") long orderId) {
        return "order " + orderId;
    }

    @DELETE
    @Path("{orderId: [0-9]+}")
    public void cancel(@PathParam("orderId") long orderId) {
    }

    /** Sub-resource locator: the lines of one order. */
    @Path("{orderId: [0-9]+}/lines")
    public LinesResource lines(@PathParam("orderId") long orderId) {
        return new LinesResource(orderId);
    }
}
