package dev.runtruth.agenttests.helidonmp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * A second JAX-RS application in the same Helidon MP server, below {@code /admin}: Helidon serves each application
 * through a JAX-RS service of its own on the WebServer's routing.
 */
@ApplicationScoped
@ApplicationPath("/admin")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TenantsResource.class);
    }
}
