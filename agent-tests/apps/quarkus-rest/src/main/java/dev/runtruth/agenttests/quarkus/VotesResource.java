package dev.runtruth.agenttests.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;

/** Sub-resource two locators deep. */
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
