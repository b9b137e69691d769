package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.util.List;
import java.util.Set;

/**
 * {@link VertxWeb4IT} with the app's SockJS routers left out: then no Vert.x timer is scheduled, and no path a
 * discovery walk takes reaches a Vert.x 4.5 router (the SockJS timer's task is what leads from the event-loop thread
 * to {@code VertxImpl.sharedHttpServers}). Under {@code -javaagent} the router's constructor hook finds it; with
 * {@code io.vertx.ext.web.impl.RouterImpl} hook-free this scenario read 0 of 19 routes (one run of two; the other
 * passed: what the walk reaches depends on what Vert.x has scheduled), see {@code WalkProven}.
 */
class VertxWeb4NoSockJsIT extends VertxWeb4IT {

    @Override
    String service() {
        return "vertx4-web-no-sockjs-jdk17";
    }

    @Override
    List<String> appArgs(int port) {
        return List.of(String.valueOf(port), "no-sockjs");
    }

    @Override
    int minimumRoutes() {
        return 15;
    }

    /** Without SockJS's routes the app has 15 concrete-path routes before {@code POST /debug/register-late}. */
    @Override
    int probedMoreThan() {
        return 14;
    }

    @Override
    Set<Route> requiredRoutes() {
        return Set.of(
                Route.parse("GET /api/v1/users/{id}"),
                Route.parse("POST /api/v1/admin/cache/clear"),
                Route.parse("PATCH /tenants/{tenant}/settings/{key}"),
                Route.parse("* /static/**"),
                Route.parse("* /**"));
    }
}
