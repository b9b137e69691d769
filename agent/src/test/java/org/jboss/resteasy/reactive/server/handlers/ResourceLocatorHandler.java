package org.jboss.resteasy.reactive.server.handlers;

import java.util.Map;

/**
 * Test stand-in for RESTEasy Reactive's class of the same name (Quarkus 3.27): the agent reads its private field
 * {@code resourceLocatorHandlers} (class to HTTP method to request mapper).
 */
public class ResourceLocatorHandler {

    @SuppressWarnings("unused") // read reflectively by the agent, like the real field
    private final Map<Class<?>, Map<String, ?>> resourceLocatorHandlers;

    /** @param resourceLocatorHandlers the per-class mappers of locatable resources */
    public ResourceLocatorHandler(Map<Class<?>, Map<String, ?>> resourceLocatorHandlers) {
        this.resourceLocatorHandlers = resourceLocatorHandlers;
    }
}
