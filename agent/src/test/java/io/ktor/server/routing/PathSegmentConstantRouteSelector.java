package io.ktor.server.routing;

/** Test double of Ktor's {@code PathSegmentConstantRouteSelector}. */
public class PathSegmentConstantRouteSelector {
    private final String value;

    public PathSegmentConstantRouteSelector(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return value;
    }
}
