package dev.runtruth.agenttests.cxf3;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

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
