package dev.runtruth.agenttests.helidonmp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Tenants of the admin application: a class-level {@code @Path} with a path parameter. */
@RequestScoped
@Path("tenants/{tenant}")
public class TenantsResource {

    /** @param tenant a tenant id @return the tenant */
    @GET
    public String get(@PathParam("tenant") String tenant) {
        return tenant;
    }

    /** @param tenant a tenant id @param id a user id @return the user */
    @GET
    @Path("users/{id}")
    public String user(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return tenant + "/" + id;
    }

    /** @param tenant a tenant id @return 204 */
    @DELETE
    public Response delete(@PathParam("tenant") String tenant) {
        return Response.noContent().build();
    }
}
