package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The jars under test, passed by failsafe as system properties (see agent-tests/pom.xml). */
final class Artifacts {

    private Artifacts() {
    }

    /** @return the built, shaded agent jar */
    static Path agentJar() {
        return existing("runtruth.agent.jar");
    }

    /** @return the collector's executable jar */
    static Path collectorJar() {
        return existing("runtruth.collector.jar");
    }

    /**
     * @param app an app name: {@code backoffice}, {@code boot35-admin}, {@code boot27-admin}, {@code boot41-web}
     * @return its executable jar
     */
    static Path app(String app) {
        return existing("runtruth.app." + app);
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by failsafe in agent-tests/pom.xml)", property).isNotBlank();
        Path path = Paths.get(value).toAbsolutePath().normalize();
        assertThat(Files.isRegularFile(path))
                .as("%s = %s exists (build it first: ./mvnw verify, or -pl <module> package)", property, path)
                .isTrue();
        return path;
    }
}
