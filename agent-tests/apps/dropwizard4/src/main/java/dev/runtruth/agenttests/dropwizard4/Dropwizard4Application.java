package dev.runtruth.agenttests.dropwizard4;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

/**
 * Dropwizard 4 app for the agent's JAX-RS tests. Run as {@code java -jar dropwizard4.jar server} with the ports given
 * as {@code -Ddw.server.applicationConnectors[0].port=N -Ddw.server.adminConnectors[0].port=M}; the application
 * context path ({@code /app}, {@code -Ddw.server.applicationContextPath}) and the Jersey URL pattern
 * ({@code /api/*}) put every resource under {@code /app/api}. Jersey's WADL, which Dropwizard disables, is switched
 * back on: {@code GET /app/api/application.wadl} is the tests' truth.
 */
public final class Dropwizard4Application extends Application<Configuration> {

    /** @param args Dropwizard command line, e.g. {@code server} */
    public static void main(String[] args) throws Exception {
        new Dropwizard4Application().run(args);
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.jersey().setUrlPattern("/api/*");
        environment.jersey().property(ServerProperties.WADL_FEATURE_DISABLE, false);
        environment.jersey().register(ThingsResource.class);
        environment.jersey().register(new VersionedItemsResource());
        Resource.Builder programmatic = Resource.builder("programmatic/{name: [a-z]+}");
        programmatic.addMethod("GET").handledBy(new Greeting());
        environment.jersey().getResourceConfig().registerResources(programmatic.build());
    }
}
