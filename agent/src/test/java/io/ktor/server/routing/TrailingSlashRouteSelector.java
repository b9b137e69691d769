package io.ktor.server.routing;

/** Test double of Ktor's {@code TrailingSlashRouteSelector}. */
public class TrailingSlashRouteSelector {
    @Override
    public String toString() {
        return "<slash>";
    }
}
