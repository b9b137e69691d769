package dev.runtruth.agenttests.micronaut;

import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Routes built in code with Micronaut's {@code RouteBuilder} API instead of annotations. */
@Singleton
public class LateRoutes extends DefaultRouteBuilder {

    /**
     * @param locator        finds the handler methods
     * @param namingStrategy Micronaut's URI naming strategy
     */
    public LateRoutes(ExecutionHandleLocator locator, UriNamingStrategy namingStrategy) {
        super(locator, namingStrategy);
    }

    @Inject
    void routes(PingHandler handler) {
        GET("/programmatic/ping/{name}", handler, "ping", String.class);
        POST("/programmatic/ping", handler, "pong");
    }
}
