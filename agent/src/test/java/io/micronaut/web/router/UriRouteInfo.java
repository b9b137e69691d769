package io.micronaut.web.router;

/**
 * Test stand-in for Micronaut 4's {@code io.micronaut.web.router.UriRouteInfo}: the landmark class
 * {@code MicronautRoutes} looks for. Only its presence matters; the fake routes do not implement it.
 */
public interface UriRouteInfo {
}
