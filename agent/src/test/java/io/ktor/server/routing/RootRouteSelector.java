package io.ktor.server.routing;

/** Test double of Ktor's {@code RootRouteSelector}. */
public class RootRouteSelector {
    private final String parts;

    public RootRouteSelector(String parts) {
        this.parts = parts;
    }

    @Override
    public String toString() {
        return parts;
    }
}
