package io.ktor.server.routing;

/** Test double of Ktor's {@code PathSegmentOptionalParameterRouteSelector}. */
public class PathSegmentOptionalParameterRouteSelector {
    private final String name;

    public PathSegmentOptionalParameterRouteSelector(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "{" + name + "?}";
    }
}
