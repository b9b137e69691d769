package dev.runtruth.agenttests.dropwizard4;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A regex template in the class-level path, registered as an instance. */
@Path("/v{version: [0-9]+}/items/")
public class VersionedItemsResource {

    @GET
    public String list(@PathParam("version") int version) {
        return "v" + version;
    }

    @PATCH
    @Path("/{item}")
    public String patch(@PathParam("item") String item) {
        return item;
    }
}
