package dev.runtruth.agenttests.resteasy6;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Sub-resource reached through {@link ProductsResource#reviews}; has a locator itself. */
public class ReviewsResource {

    @GET
    public String list() {
        return "[]";
    }

    @POST
    public String add() {
        return "added";
    }

    @GET
    @Path("{reviewId}")
    public String get(@PathParam("reviewId") String reviewId) {
        return reviewId;
    }

    @Path("{reviewId}/votes")
    public VotesResource votes() {
        return new VotesResource();
    }
}
