package dev.runtruth.agenttests.boot27jersey;

import javax.ws.rs.ApplicationPath;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.stereotype.Component;

/** The JAX-RS application: Spring Boot maps Jersey's servlet to {@code /api/*} from {@code @ApplicationPath}. */
@Component
@ApplicationPath("/api")
public class JerseyConfig extends ResourceConfig {

    /** Registers the resource classes. */
    public JerseyConfig() {
        register(OrdersResource.class);
        register(StatusResource.class);
    }
}
