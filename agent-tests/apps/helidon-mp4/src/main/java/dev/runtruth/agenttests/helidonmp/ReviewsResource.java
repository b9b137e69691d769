package dev.runtruth.agenttests.helidonmp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The reviews of one item: a sub-resource (no class-level {@code @Path}), reached only through the locator. */
public class ReviewsResource {

    private final String item;

    ReviewsResource(String item) {
        this.item = item;
    }

    /** @return the reviews */
    @GET
    public String list() {
        return item + ": []";
    }

    /** @return the new review */
    @POST
    public String add() {
        return item;
    }

    /** @param n a review number @return the review */
    @GET
    @Path("{n}")
    public String get(@PathParam("n") int n) {
        return item + "#" + n;
    }
}
