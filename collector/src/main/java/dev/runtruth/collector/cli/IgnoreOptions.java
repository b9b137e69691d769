package dev.runtruth.collector.cli;

import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.config.ServicePaths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --ignore} and {@code --no-default-ignores}, shared by {@code check}, {@code probe} and {@code ladder} as a
 * picocli {@code @Mixin}: one definition of which routes the commands leave alone ({@link IgnoreRules}). {@code check}
 * does not report an ignored served route as unexpected; {@code probe} and {@code ladder} do not request it.
 */
public final class IgnoreOptions {

    /** The help footer listing the default rules and the rule syntax, for every command that takes these options. */
    public static final String FOOTER = "%nDefault ignore rules (--no-default-ignores drops them):%n"
            + IgnoreRules.DEFAULT_RULES_HELP
            + "A rule is [METHOD ]GLOB, matched against the route template: '*' is one%n"
            + "segment, '**' any number of segments, '\\*' a literal '*'. Rules given with%n"
            + "--ignore are matched as written: add the context path, e.g. '/ctx/internal/**'.%n";

    @Option(names = "--ignore", paramLabel = "GLOB",
            description = "Also ignore served routes matching [METHOD ]GLOB, e.g. '/internal/**'. Repeatable.")
    private List<String> ignore = new ArrayList<>();

    @Option(names = "--no-default-ignores", description = "Do not apply the default ignore rules below.")
    private boolean noDefaultIgnores;

    /**
     * @param commandLine the command the options belong to, for usage errors
     * @param paths       where the service serves Spring Boot's own routes (the default rules follow them)
     * @return the default rules for {@code paths} (unless {@code --no-default-ignores}) followed by {@code --ignore}
     * @throws CommandLine.ParameterException naming a rule that is not {@code [METHOD ]/glob} (usage error, exit 2)
     */
    public IgnoreRules rules(CommandLine commandLine, ServicePaths paths) {
        try {
            return (noDefaultIgnores ? IgnoreRules.none() : IgnoreRules.defaults(paths)).plus(ignore);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
