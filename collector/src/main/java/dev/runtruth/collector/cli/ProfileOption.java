package dev.runtruth.collector.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --profile}, shared by {@code expected}, {@code check} and {@code verify} as a picocli {@code @Mixin}: the Spring profiles
 * whose configuration resolves placeholders and context paths of a build output.
 */
public final class ProfileOption {

    @Option(names = "--profile", paramLabel = "NAME", split = ",",
            description = "Spring profile(s) whose application-NAME.properties/.yml resolve $${...} placeholders and"
                    + " the context path of a build output (default: spring.profiles.active, else 'default').")
    private List<String> profiles = new ArrayList<>();

    /** Created by picocli for a command's {@code @Mixin} field. */
    public ProfileOption() {
    }

    /** @return the profiles given, in order; empty when none (then the build's own spring.profiles.active) */
    public List<String> profiles() {
        return profiles;
    }
}
