package dev.runtruth.agenttests.quarkus;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Root resource: class and method {@code @Path}, regex templates, explicit HEAD and OPTIONS, one path served by two
 * methods that differ only in the media type they produce, and a sub-resource locator.
 */
@Path("products")
public class ProductsResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return "[]";
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String listJson() {
        return "[]";
    }

    @POST
    public Response create() {
        return Response.status(201).build();
    }

    @GET
    @Path("{sku: [A-Z]{3}-\\d+}")
    public String get(@PathParam("sku") String sku) {
        return sku;
    }

    @PUT
    @Path("{sku: [A-Z]{3}-\\d+}")
    public String put(@PathParam("sku") String sku) {
        return sku;
    }

    @DELETE
    @Path("{sku: [A-Z]{3}-\\d+}")
    public void delete(@PathParam("sku") String sku) {
    }

    @HEAD
    @Path("{sku: [A-Z]{3}-\\d+}")
    public Response head(@PathParam("sku") String sku) {
        return Response.ok().build();
    }

    @OPTIONS
    public Response options() {
        return Response.ok().header("Allow", "GET,POST,OPTIONS").build();
    }

    /** Sub-resource locator. */
    @Path("{sku: [A-Z]{3}-\\d+}/reviews")
    public ReviewsResource reviews(@PathParam("sku") String sku) {
        return new ReviewsResource();
    }
}
