package io.ktor.server.routing;

/** Test double of Ktor's {@code PathSegmentTailcardRouteSelector}: prints {@code {...}}, the name by getter only. */
public class PathSegmentTailcardRouteSelector {
    private final String name;

    public PathSegmentTailcardRouteSelector(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "{...}";
    }
}
