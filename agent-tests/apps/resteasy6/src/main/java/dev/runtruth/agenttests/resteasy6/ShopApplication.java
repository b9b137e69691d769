package dev.runtruth.agenttests.resteasy6;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application; RESTEasy's Undertow server deploys it under its {@code @ApplicationPath}. */
@ApplicationPath("/shop")
public class ShopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProductsResource.class, RegistryResource.class);
    }
}
