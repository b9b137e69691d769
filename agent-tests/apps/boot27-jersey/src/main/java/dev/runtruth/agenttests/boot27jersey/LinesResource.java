package dev.runtruth.agenttests.boot27jersey;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

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
