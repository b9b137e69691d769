package dev.runtruth.agenttests.boot35jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Sub-resource reached through {@link OrdersResource#lines}. */
public class LinesResource {

    private final long orderId;

    LinesResource(long orderId) {
        this.orderId = orderId;
    }

    @GET
    public String list() {
        return "lines of " + orderId;
    }

    @POST
    public String add() {
        return "added";
    }

    @GET
    @Path("{line: \\d{1,3}}")
    public String get(@PathParam("line") int line) {
        return "line " + line;
    }
}
