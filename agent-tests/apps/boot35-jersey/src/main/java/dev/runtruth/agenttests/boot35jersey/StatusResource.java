package dev.runtruth.agenttests.boot35jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

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
