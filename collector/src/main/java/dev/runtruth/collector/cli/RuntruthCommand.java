package dev.runtruth.collector.cli;

import dev.runtruth.collector.InputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of every {@code runtruth} subcommand: turns an {@link InputException} into one line on stderr and exit code
 * {@link ExitCodes#INPUT_ERROR}, any other exception into one line and {@link ExitCodes#INTERNAL_ERROR}, with the
 * stack trace only under {@code --verbose} (accepted before or after the subcommand name: the top-level command's own {@code --verbose} option counts). Usage errors stay with
 * picocli (message and usage on stderr, exit code 2).
 *
 * <p>To add a subcommand: extend this class, annotate it with {@code @Command(name = ...)}, implement
 * {@link #execute(PrintWriter, PrintWriter)}, and list it in the {@code subcommands} of {@code dev.runtruth.collector.main.RuntruthCli}.
 */
public abstract class RuntruthCommand implements Callable<Integer> {

    /** Injected by picocli: this command's model, for its output streams and its parent. */
    @Spec
    protected CommandSpec spec;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    private boolean verbose;

    /**
     * Runs the command.
     *
     * @param out standard output of the command line
     * @param err standard error of the command line
     * @return the exit code, one of {@link ExitCodes}
     * @throws InputException for a bad input; reported as one line, exit code 2
     */
    protected abstract int execute(PrintWriter out, PrintWriter err) throws InputException;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(out, err);
        } catch (InputException e) {
            return fail(err, e.getMessage(), e, ExitCodes.INPUT_ERROR);
        } catch (CommandLine.ParameterException e) {
            throw e; // picocli reports usage errors itself
        } catch (RuntimeException e) {
            return fail(err, "internal error: " + e, e, ExitCodes.INTERNAL_ERROR);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** @return whether {@code --verbose} was given to this command or to the top-level command */
    protected boolean verbose() {
        CommandLine.Model.OptionSpec parentVerbose = spec.parent() == null ? null
                : spec.parent().findOption("--verbose");
        return verbose || parentVerbose != null && Boolean.TRUE.equals(parentVerbose.getValue());
    }

    /**
     * Prints each warning as one {@code runtruth: warning: ...} line.
     *
     * @param err      standard error
     * @param warnings one-line warnings, e.g. {@link dev.runtruth.collector.expected.ExpectedRoutes#warnings()}
     */
    protected static void warn(PrintWriter err, List<String> warnings) {
        warnings.forEach(w -> err.println("runtruth: warning: " + w));
    }

    private int fail(PrintWriter err, String message, Throwable e, int exitCode) {
        err.println("runtruth: " + message.lines().findFirst().orElse(""));
        if (verbose()) {
            e.printStackTrace(err);
        }
        return exitCode;
    }
}
