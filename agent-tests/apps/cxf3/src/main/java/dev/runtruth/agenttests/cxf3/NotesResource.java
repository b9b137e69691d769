package dev.runtruth.agenttests.cxf3;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

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
