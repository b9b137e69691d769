package dev.runtruth.agenttests.cxf4;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The notes of one item: a sub-resource (no class-level {@code @Path}), reached only through the locator. */
public class NotesResource {

    private final String item;

    NotesResource(String item) {
        this.item = item;
    }

    /** @return the notes */
    @GET
    public String list() {
        return item + ": []";
    }

    /** @return the new note */
    @POST
    public String add() {
        return item;
    }

    /** @param n a note number @return the note */
    @GET
    @Path("{n}")
    public String get(@PathParam("n") int n) {
        return item + "#" + n;
    }
}
