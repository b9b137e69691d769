package dev.runtruth.collector.testing;

import dev.runtruth.collector.main.RuntruthCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the {@code runtruth} command line in this JVM, as a user's shell would, and keeps what it printed: a fresh
 * {@link RuntruthCli} per run, its standard output and error captured, its exit code returned (it never exits the
 * JVM).
 */
public final class CliRun {

    private CliRun() {
    }

    /**
     * What one run printed and returned.
     *
     * @param exitCode the exit code, one of {@code ExitCodes}
     * @param out      everything printed on standard output
     * @param err      everything printed on standard error
     */
    public record Result(int exitCode, String out, String err) {

        /** @return standard error, line by line */
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    /**
     * @param args the arguments after {@code runtruth}, e.g. {@code "check", "--expected", path, "--agent", url}
     * @return exit code and output of the run
     */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new RuntruthCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
