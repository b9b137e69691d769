package dev.runtruth.agenttests.helidonmp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A status resource with an explicit {@code HEAD} method beside its {@code GET}. */
@ApplicationScoped
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
