package dev.runtruth.agenttests.micronaut;

import io.micronaut.runtime.Micronaut;

/** Starts the Micronaut app; {@code --micronaut.server.port=N} picks the port. */
public final class Application {

    private Application() {
    }

    /** @param args Micronaut command-line properties, e.g. {@code --micronaut.server.port=8080} */
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
