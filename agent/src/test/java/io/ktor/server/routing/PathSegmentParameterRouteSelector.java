package io.ktor.server.routing;

/** Test double of Ktor's {@code PathSegmentParameterRouteSelector}. */
public class PathSegmentParameterRouteSelector {
    private final String name;

    public PathSegmentParameterRouteSelector(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "{" + name + "}";
    }
}
