package dev.runtruth.agent.routes.ktor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import io.ktor.server.routing.HttpHeaderRouteSelector;
import io.ktor.server.routing.HttpMethodRouteSelector;
import io.ktor.server.routing.PathSegmentConstantRouteSelector;
import io.ktor.server.routing.PathSegmentOptionalParameterRouteSelector;
import io.ktor.server.routing.PathSegmentParameterRouteSelector;
import io.ktor.server.routing.PathSegmentTailcardRouteSelector;
import io.ktor.server.routing.RootRouteSelector;
import io.ktor.server.routing.RoutingNode;
import io.ktor.server.routing.TrailingSlashRouteSelector;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The selector walk on test doubles shaped like Ktor 3's routing tree (the real trees are read in agent-tests'
 * {@code Ktor2IT} and {@code Ktor3IT} against Ktor's own {@code getAllRoutes()}).
 */
class KtorRoutesTest {

    @Test
    void selectorsFromTheRootAreTheMethodAndThePathUnderTheRootPath() {
        RoutingNode root = new RoutingNode(null, new RootRouteSelector("ctx"));
        new RoutingNode(root, new HttpMethodRouteSelector("GET")).handle();
        RoutingNode users = new RoutingNode(new RoutingNode(root, new PathSegmentConstantRouteSelector("api")),
                new PathSegmentConstantRouteSelector("users"));
        RoutingNode id = new RoutingNode(users, new PathSegmentParameterRouteSelector("id"));
        new RoutingNode(id, new HttpMethodRouteSelector("DELETE")).handle();
        new RoutingNode(new RoutingNode(new RoutingNode(id, new PathSegmentConstantRouteSelector("files")),
                new PathSegmentTailcardRouteSelector("path")), new HttpMethodRouteSelector("GET")).handle();
        new RoutingNode(new RoutingNode(users, new HttpHeaderRouteSelector("X-Version")),
                new PathSegmentOptionalParameterRouteSelector("page")).handle();
        new RoutingNode(new RoutingNode(users, new TrailingSlashRouteSelector()), new HttpMethodRouteSelector("POST"))
                .handle();
        KtorRoutes.onRoot(root);

        assertThat(new KtorRoutes().routes().stream().map(Route::toString).collect(Collectors.toList()))
                .containsExactly("GET /ctx", "DELETE /ctx/api/users/{id}", "GET /ctx/api/users/{id}/files/{*path}",
                        "* /ctx/api/users/{page?}", "POST /ctx/api/users/");
    }
}
