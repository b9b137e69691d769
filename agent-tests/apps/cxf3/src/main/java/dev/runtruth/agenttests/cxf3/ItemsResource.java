package dev.runtruth.agenttests.cxf3;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

/** Items, with notes reached through a sub-resource locator. */
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

    /** @param id an item id @return the item's notes (a sub-resource locator) */
    @Path("{id}/notes")
    public NotesResource notes(@PathParam("id") String id) {
        return new NotesResource(id);
    }
}
