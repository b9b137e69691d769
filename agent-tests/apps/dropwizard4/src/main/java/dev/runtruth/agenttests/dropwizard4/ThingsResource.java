package dev.runtruth.agenttests.dropwizard4;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Root resource: regex templates, explicit HEAD and OPTIONS, a sub-resource locator. */
@Path("/things")
@Produces(MediaType.APPLICATION_JSON)
public class ThingsResource {

    @GET
    public List<String> list() {
        return List.of("a", "b");
    }

    @POST
    public Response create() {
        return Response.status(201).build();
    }

    @GET
    @Path("{id: \\d+}")
    public String get(@PathParam("id") long id) {
        return "thing " + id;
    }

    @PUT
    @Path("{id: \\d+}")
    public String put(@PathParam("id") long id) {
        return "thing " + id;
    }

    @DELETE
    @Path("{id: \\d+}")
    public void delete(@PathParam("id") long id) {
    }

    @HEAD
    @Path("{id: \\d+}")
    public Response head(@PathParam("id") long id) {
        return Response.ok().build();
    }

    @OPTIONS
    @Path("search")
    public Response searchOptions() {
        return Response.ok().header("Allow", "GET,OPTIONS").build();
    }

    @GET
    @Path("search")
    public List<String> search() {
        return List.of();
    }

    /** Sub-resource locator: Jersey routes {@code /things/{id}/parts/...} to the returned object. */
    @Path("{id: \\d+}/parts")
    public PartsResource parts(@PathParam("id") long id) {
        return new PartsResource(id);
    }
}
