package org.jboss.resteasy.reactive.server.handlers;

import java.util.Map;

/**
 * Test stand-in for RESTEasy Reactive's class of the same name (Quarkus 3.27): the agent recognises it by its binary
 * name and calls {@code getMappers()}.
 */
public class ClassRoutingHandler {

    private final Map<String, ?> mappers;

    /** @param mappers HTTP method ({@code null} for locators) to request mapper */
    public ClassRoutingHandler(Map<String, ?> mappers) {
        this.mappers = mappers;
    }

    /** @return like the real {@code getMappers()} */
    public Map<String, ?> getMappers() {
        return mappers;
    }
}
