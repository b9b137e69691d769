package dev.runtruth.agenttests.dropwizard4;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Second-level sub-resource, reached through {@link PartsResource#notes}. */
public class NotesResource {

    @GET
    public String list() {
        return "[]";
    }

    @DELETE
    @Path("{noteId: [a-z]{2,8}}")
    public void delete(@PathParam("noteId") String noteId) {
    }
}
