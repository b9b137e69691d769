package dev.runtruth.agenttests.helidonmp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The shop's JAX-RS application: Helidon MP serves its resources below {@code /shop/v1} (its application path). */
@ApplicationScoped
@ApplicationPath("/shop/v1")
public class ShopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ItemsResource.class, StatusResource.class);
    }
}
