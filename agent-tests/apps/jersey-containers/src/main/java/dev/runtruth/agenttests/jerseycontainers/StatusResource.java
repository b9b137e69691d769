package dev.runtruth.agenttests.jerseycontainers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Liveness, with an explicit HEAD. */
@Path("status")
public class StatusResource {

    /** @return "up" */
    @GET
    public String status() {
        return "up";
    }

    /** @return 200 without a body */
    @HEAD
    public Response head() {
        return Response.ok().build();
    }
}
