package dev.runtruth.agenttests.cxf4;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The second endpoint's resource: reports by year. */
@Path("/reports")
public class ReportsResource {

    /** @return all reports */
    @GET
    public String list() {
        return "[]";
    }

    /** @param year a year @return that year's report */
    @GET
    @Path("/{year}")
    public String year(@PathParam("year") int year) {
        return String.valueOf(year);
    }

    /** @return 200 once a run is queued */
    @POST
    @Path("/runs")
    public String run() {
        return "queued";
    }
}
