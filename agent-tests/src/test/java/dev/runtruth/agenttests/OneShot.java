package dev.runtruth.agenttests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command that runs to completion, e.g. {@code java -jar runtruth-collector.jar check ...}. */
record OneShot(List<String> command, int exitCode, String stdout, String stderr) {

    /**
     * @param name    a short name for the log directory
     * @param timeout how long the command may run before it is killed and the test fails
     * @param command the command line
     * @return the exit code and the output
     * @throws AssertionError if the command does not finish in time
     */
    static OneShot run(String name, Duration timeout, List<String> command) {
        Path logs = Paths.get(System.getProperty("runtruth.it.logs", "target/it-logs"))
                .resolve(name + "-" + System.currentTimeMillis());
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve("stdout.log");
            Path err = logs.resolve("stderr.log");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeout);
            }
            return new OneShot(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    /** @return {@code java -jar <jar> <args>} on the JDK running the tests */
    static List<String> javaJar(Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Jdks.java(Jdks.current()).toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** @return the command, exit code and output, for failure messages */
    String describe() {
        return String.join(" ", command) + "\n--- exit code " + exitCode + "\n--- stdout:\n" + stdout
                + "\n--- stderr:\n" + stderr;
    }
}
