package dev.runtruth.agenttests;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.util.Set;

/**
 * A Jersey app: the truth is Jersey's own WADL of the running application ({@code <base>/application.wadl}, read by
 * {@link JerseyWadl}). One subclass per app family (Dropwizard, Spring Boot with Jersey).
 */
abstract class AbstractJerseyAppIT extends AbstractJaxrsAppIT {

    /** @return where the Jersey application is served, context path and servlet mapping included, e.g. {@code /app/api} */
    abstract String jerseyBase();

    @Override
    Set<Route> truth() throws IOException {
        return JerseyWadl.read(appUrl(jerseyBase() + "/application.wadl"));
    }

    @Override
    String truthName() {
        return "application.wadl";
    }
}
