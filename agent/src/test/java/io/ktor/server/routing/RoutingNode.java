package io.ktor.server.routing;

import java.util.ArrayList;
import java.util.List;

/** Test double with the shape of Ktor 3's {@code RoutingNode} (ktor-server-core 3.x, read from its source). */
public class RoutingNode {
    private final RoutingNode parent;
    private final Object selector;
    final List<RoutingNode> children = new ArrayList<>();
    boolean handled;

    public RoutingNode(RoutingNode parent, Object selector) {
        this.parent = parent;
        this.selector = selector;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public RoutingNode getParent() {
        return parent;
    }

    public Object getSelector() {
        return selector;
    }

    public RoutingNode handle() {
        handled = true;
        return this;
    }
}
