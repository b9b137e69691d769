package dev.runtruth.collector.probe;

import dev.runtruth.collector.InputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that bound and shape probe requests, shared by {@code probe} and {@code ladder} as a picocli
 * {@code @Mixin}: credentials, path-variable placeholders, unsafe-route mode, concurrency, rate and timeout.
 */
public final class ProbeOptions {

    @Option(names = "--header", paramLabel = "NAME=env:VAR|NAME=file:PATH",
            description = "Send this header on every probe request, its value read from an environment variable or a"
                    + " file, never from the command line and never printed, e.g. Authorization=env:SERVICE_AUTH."
                    + " Repeatable.")
    private List<String> headers = new ArrayList<>();

    @Option(names = "--path-var", paramLabel = "NAME=VALUE",
            description = "Placeholder for path variable NAME (default 1; wildcards get runtruth-probe). Repeatable.")
    private Map<String, String> pathVariables = new LinkedHashMap<>();

    @Option(names = "--unsafe-routes", paramLabel = "MODE", defaultValue = "options",
            description = "How to probe routes with an unsafe method: options (OPTIONS, read Allow), head, skip"
                    + " (default: ${DEFAULT-VALUE}).")
    private String unsafeRoutes;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Most probe requests in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "10",
            description = "Most probe requests started per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Connect timeout, and again the time to wait for an answer, for the agent and each probe"
                    + " request (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    /**
     * @param commandLine the command the options belong to, for usage errors
     * @return the probe settings these options give
     * @throws CommandLine.ParameterException for an out-of-range limit or an unknown mode (usage error, exit 2)
     * @throws InputException                 for a {@code --header} that cannot be read
     */
    public ProbeSettings settings(CommandLine commandLine) throws InputException {
        UnsafeRoutes mode;
        try {
            mode = UnsafeRoutes.valueOf(unsafeRoutes.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--unsafe-routes must be options, head or skip");
        }
        List<SecretHeader> secrets = new ArrayList<>();
        for (String header : headers) {
            secrets.add(SecretHeader.parse(header, System.getenv()));
        }
        try {
            return new ProbeSettings(concurrency, rate, Duration.ofSeconds(timeoutSeconds), mode, pathVariables,
                    secrets);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
