package io.vertx.ext.web.impl;

import io.vertx.ext.web.Router;

/**
 * Stands in for the lambda vertx-web 4.0 to 4.5.25 creates in {@code RouteImpl#subRouter}
 * ({@code handler(subRouter::handleContext)}): its class is named {@code RouteImpl$$Lambda...} and it captures the
 * sub-router in a synthetic field.
 */
public final class RouteImpl$$Lambda$Mount {

    private final Router arg$1;

    /** @param router the captured sub-router */
    public RouteImpl$$Lambda$Mount(Router router) {
        this.arg$1 = router;
    }

    @Override
    public String toString() {
        return "mount of " + arg$1;
    }
}
