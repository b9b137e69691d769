package io.ktor.server.routing;

/** Test double of Ktor's {@code HttpHeaderRouteSelector}. */
public class HttpHeaderRouteSelector {
    private final String name;

    public HttpHeaderRouteSelector(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "(header:" + name + " = 2)";
    }
}
