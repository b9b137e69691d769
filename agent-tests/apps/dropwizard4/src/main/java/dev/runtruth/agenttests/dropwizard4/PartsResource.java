package dev.runtruth.agenttests.dropwizard4;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Sub-resource (no class-level {@code @Path}) reached through {@link ThingsResource#parts}; has a locator itself. */
@Produces(MediaType.APPLICATION_JSON)
public class PartsResource {

    private final long thing;

    PartsResource(long thing) {
        this.thing = thing;
    }

    @GET
    public List<String> list() {
        return List.of("part of " + thing);
    }

    @POST
    public String add() {
        return "added";
    }

    @GET
    @Path("{partId}")
    public String get(@PathParam("partId") String partId) {
        return partId;
    }

    @Path("{partId}/notes")
    public NotesResource notes(@PathParam("partId") String partId) {
        return new NotesResource();
    }
}
