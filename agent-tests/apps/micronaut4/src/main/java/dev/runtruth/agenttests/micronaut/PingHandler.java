package dev.runtruth.agenttests.micronaut;

import io.micronaut.context.annotation.Executable;
import jakarta.inject.Singleton;

/** Handler of the routes {@link LateRoutes} builds. */
@Singleton
public class PingHandler {

    /** @param name a name from the path @return a greeting */
    @Executable
    public String ping(String name) {
        return "ping " + name;
    }

    /** @return a fixed answer */
    @Executable
    public String pong() {
        return "pong";
    }
}
