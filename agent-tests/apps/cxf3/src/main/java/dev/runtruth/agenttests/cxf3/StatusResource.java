package dev.runtruth.agenttests.cxf3;

import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

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
