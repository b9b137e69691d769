package dev.runtruth.agenttests.boot27jersey;

import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

/** Root-level resource with an explicit HEAD method. */
@Path("/")
public class StatusResource {

    @GET
    public String status() {
        return "up";
    }

    @HEAD
    @Path("ping")
    public Response ping() {
        return Response.ok().build();
    }
}
