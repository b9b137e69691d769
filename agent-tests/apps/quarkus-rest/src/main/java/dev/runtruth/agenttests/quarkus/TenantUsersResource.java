package dev.runtruth.agenttests.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Root resource whose class {@code @Path} is itself a template. */
@Path("tenants/{tenant}/users")
public class TenantUsersResource {

    @GET
    public String list(@PathParam("tenant") String tenant) {
        return tenant;
    }

    @GET
    @Path("{id: \\d+}")
    public String get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return tenant + id;
    }

    @PATCH
    @Path("{id: \\d+}/profile")
    public String patch(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return tenant + id;
    }
}
