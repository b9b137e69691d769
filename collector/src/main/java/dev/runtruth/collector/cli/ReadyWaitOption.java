package dev.runtruth.collector.cli;

import dev.runtruth.collector.observed.ReadyWait;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --wait SECONDS}, shared by {@code check}, {@code ladder} and {@code probe} as a picocli {@code @Mixin}: how
 * long to wait for an agent whose application is still starting ({@link ReadyWait}).
 */
public final class ReadyWaitOption {

    @Spec(Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"--wait", "--ready-timeout"}, paramLabel = "SECONDS",
            defaultValue = "" + ReadyWait.DEFAULT_SECONDS,
            description = "While the agent says the application is still starting (runtruth_inventory_info state"
                    + " starting), ask again for up to SECONDS (default: ${DEFAULT-VALUE}; 0: do not wait); still"
                    + " starting then: NOT READY, exit 4.")
    private int seconds;

    /**
     * @return the wait
     * @throws CommandLine.ParameterException when negative
     */
    public Duration duration() {
        if (seconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more seconds, not "
                    + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
