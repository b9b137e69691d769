package dev.runtruth.collector.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external commands (git, the Maven wrapper) to completion, with a timeout and the output kept for errors. */
final class Processes {

    private static final long TIMEOUT_MINUTES = 15;

    /**
     * Runs a command and returns its standard output.
     *
     * @param command the program and its arguments
     * @param workDir the working directory
     * @param env     extra environment entries {@code NAME=value}
     * @return what the command printed (stdout and stderr merged)
     * @throws DemoException when it cannot start, times out or exits non-zero; the message names the command and
     *                       ends with its last output lines
     */
    String run(List<String> command, Path workDir, List<String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile("runtruth-demo-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            for (String entry : env) {
                int eq = entry.indexOf('=');
                builder.environment().put(entry.substring(0, eq), entry.substring(eq + 1));
            }
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new DemoException("cannot run " + command.get(0) + ": " + e.getMessage());
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DemoException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES
                        + " minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new DemoException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + tail(output, 30));
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** @return the last {@code lines} lines of a text */
    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        List<String> last = new ArrayList<>();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            last.add("    " + all[i]);
        }
        return String.join("\n", last);
    }
}
