package dev.runtruth.agenttests.dropwizard4;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.process.Inflector;

/** Handler of a resource built with Jersey's programmatic {@code Resource.builder} API. */
public final class Greeting implements Inflector<ContainerRequestContext, String> {

    @Override
    public String apply(ContainerRequestContext request) {
        return "hello " + request.getUriInfo().getPathParameters().getFirst("name");
    }
}
