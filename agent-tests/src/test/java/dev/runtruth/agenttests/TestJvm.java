package dev.runtruth.agenttests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM: {@code java [-javaagent:<jar>=<options>] [jvm args] -jar <app.jar> [args]}, its stdout and stderr
 * captured to files under {@code target/it-logs}. {@link #close()} ends the process and its descendants.
 */
final class TestJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final List<String> command;
    private final Path logs;
    private final Path stdout;
    private final Path stderr;

    private TestJvm(String name, Process process, List<String> command, Path logs) {
        this.name = name;
        this.process = process;
        this.command = command;
        this.logs = logs;
        this.stdout = logs.resolve("stdout.log");
        this.stderr = logs.resolve("stderr.log");
    }

    /**
     * @param name     a short name for log files and messages, e.g. {@code boot35-admin-jdk17}
     * @param javaHome the JDK home whose {@code bin/java} runs the child
     * @return a builder
     */
    static Builder builder(String name, Path javaHome) {
        return new Builder(name, javaHome);
    }

    /**
     * @return a port that was free on the loopback interface a moment ago
     * @throws UncheckedIOException if no port can be bound
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code url} until it answers HTTP 200.
     *
     * @param url     the URL, e.g. {@code http://127.0.0.1:8080/actuator/health}
     * @param timeout how long to wait
     * @return this
     * @throws AssertionError when the process exits or the timeout passes first; the message has the log tails
     */
    TestJvm awaitHttp200(String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before " + url
                        + " answered\n" + describe());
            }
            try {
                HttpResponse<String> response = get(url);
                if (response.statusCode() == 200) {
                    return this;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            sleep(250);
        }
        throw new AssertionError(name + ": " + url + " not ready after " + timeout + " (" + last + ")\n" + describe());
    }

    /**
     * @param url an http URL
     * @return the response with a string body
     * @throws IOException if the request fails
     */
    static HttpResponse<String> get(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + url, e);
        }
    }

    /** @return this JVM's directory under {@code target/it-logs}: stdout, stderr and whatever else was put there */
    Path logs() {
        return logs;
    }

    /** @return the exit code once the process has ended, empty while it runs */
    java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    /** @return the process id */
    long pid() {
        return process.pid();
    }

    /** @return every line the child wrote to stderr so far */
    List<String> stderrLines() {
        return readLines(stderr);
    }

    /** @return every line the child wrote to stdout so far */
    List<String> stdoutLines() {
        return readLines(stdout);
    }

    /** @return the command line and the last lines of stdout and stderr, for assertion messages */
    String describe() {
        return "--- " + name + ": " + String.join(" ", command) + "\n"
                + "--- stdout (" + stdout + "), last " + TAIL_LINES + " lines:\n" + tail(stdoutLines()) + "\n"
                + "--- stderr (" + stderr + "), last " + TAIL_LINES + " lines:\n" + tail(stderrLines());
    }

    /** Asks the process to stop, then kills it and everything it started if it has not stopped within 10 s. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Collects the command line of a {@link TestJvm}. */
    static final class Builder {

        private final String name;
        private final Path javaHome;
        private final Path logs;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> appArgs = new ArrayList<>();
        private String agent;
        private Path jar;

        private Builder(String name, Path javaHome) {
            this.name = name;
            this.javaHome = javaHome;
            this.logs = Paths.get(System.getProperty("runtruth.it.logs", "target/it-logs"))
                    .resolve(name + "-" + System.currentTimeMillis())
                    .toAbsolutePath();
        }

        /** @return the directory that will hold this JVM's logs; usable in JVM options before {@link #start()} */
        Path logs() {
            return logs;
        }

        /**
         * @param agentJar the agent jar
         * @param options  the text after {@code =}; {@code null} or empty for none
         * @return this
         */
        Builder agent(Path agentJar, String options) {
            this.agent = "-javaagent:" + agentJar.toAbsolutePath()
                    + (options == null || options.isEmpty() ? "" : "=" + options);
            return this;
        }

        /** @return this, with JVM options added before {@code -jar} */
        Builder jvmArgs(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }

        /** @return this, with the executable jar to run */
        Builder jar(Path executableJar) {
            this.jar = executableJar;
            return this;
        }

        /** @return this, with program arguments added after the jar */
        Builder args(List<String> args) {
            appArgs.addAll(args);
            return this;
        }

        /** @return this, with program arguments added after the jar */
        Builder args(String... args) {
            return args(List.of(args));
        }

        /**
         * Starts the JVM; does not wait for it to be ready.
         *
         * @return the running JVM
         * @throws UncheckedIOException if the process cannot be started
         */
        TestJvm start() {
            List<String> command = new ArrayList<>();
            command.add(Jdks.java(javaHome).toString());
            if (agent != null) {
                command.add(agent);
            }
            command.addAll(jvmArgs);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            command.addAll(appArgs);
            try {
                Files.createDirectories(logs);
                Process process = new ProcessBuilder(command)
                        .redirectOutput(logs.resolve("stdout.log").toFile())
                        .redirectError(logs.resolve("stderr.log").toFile())
                        .start();
                return new TestJvm(name, process, command, logs);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }
    }
}
