package dev.runtruth.agenttests.resteasy6;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;

/** Second-level sub-resource, reached through {@link ReviewsResource#votes}. */
public class VotesResource {

    @GET
    public String count() {
        return "0";
    }

    @PUT
    public String vote() {
        return "1";
    }
}
