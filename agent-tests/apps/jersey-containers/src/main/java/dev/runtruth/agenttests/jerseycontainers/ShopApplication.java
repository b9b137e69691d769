package dev.runtruth.agenttests.jerseycontainers;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application every container serves. */
public final class ShopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ItemsResource.class, StatusResource.class);
    }
}
