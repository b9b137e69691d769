package dev.runtruth.agenttests.helidonmp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Items (a CDI request-scoped resource), with reviews reached through a sub-resource locator. */
@RequestScoped
@Path("items")
public class ItemsResource {

    /** @return all items */
    @GET
    public String list() {
        return "[]";
    }

    /** @return 201 */
    @POST
    public Response create() {
        return Response.status(201).build();
    }

    /** @param id an item id @return the item */
    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return id;
    }

    /** @param id an item id @return 204 */
    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id) {
        return Response.noContent().build();
    }

    /** @param id an item id @return 204 */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return Response.noContent().build();
    }

    /** @param id an item id @return the item's reviews (a sub-resource locator) */
    @Path("{id}/reviews")
    public ReviewsResource reviews(@PathParam("id") String id) {
        return new ReviewsResource(id);
    }
}
