package dev.runtruth.agenttests.quarkus;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource is served under {@code quarkus.http.root-path} + {@code /shop}. */
@ApplicationPath("/shop")
public class ShopApplication extends Application {
}
