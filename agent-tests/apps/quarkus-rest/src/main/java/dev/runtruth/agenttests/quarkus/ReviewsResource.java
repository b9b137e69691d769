package dev.runtruth.agenttests.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Sub-resource reached through {@link ProductsResource#reviews}; holds a nested locator. */
public class ReviewsResource {

    @GET
    public String list() {
        return "[]";
    }

    @POST
    public Response add() {
        return Response.status(201).build();
    }

    @GET
    @Path("{reviewId}")
    public String get(@PathParam("reviewId") String reviewId) {
        return reviewId;
    }

    /** Nested sub-resource locator. */
    @Path("{reviewId}/votes")
    public VotesResource votes(@PathParam("reviewId") String reviewId) {
        return new VotesResource();
    }
}
