package io.ktor.server.routing;

import java.util.ArrayList;
import java.util.List;

/** Test double of Ktor 3's {@code getAllRoutes()} facade: the nodes with a handler, depth first. */
public final class RoutingNodeKt {
    private RoutingNodeKt() {
    }

    public static List<RoutingNode> getAllRoutes(RoutingNode root) {
        List<RoutingNode> out = new ArrayList<>();
        add(root, out);
        return out;
    }

    private static void add(RoutingNode node, List<RoutingNode> out) {
        if (node.handled) {
            out.add(node);
        }
        node.children.forEach(c -> add(c, out));
    }
}
