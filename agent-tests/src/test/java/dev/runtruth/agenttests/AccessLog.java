package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tomcat's access log of an app under test, the truth of which requests a collector command really sent. The app runs
 * with {@code --server.tomcat.basedir=<dir> --server.tomcat.accesslog.enabled=true
 * --server.tomcat.accesslog.buffered=false} ({@link #springBootArgs}); Tomcat's default pattern ({@code common}) writes
 * {@code ... "GET /path HTTP/1.1" 200 ...} per request into {@code <dir>/logs/access_log.<date>.txt}.
 */
final class AccessLog {

    private static final Pattern REQUEST = Pattern.compile("\"(\\S+) (\\S+) HTTP/1\\.1\" (\\d{3})");

    /** What {@link #requestsDuring} runs: a collector command. */
    interface Run {
        OneShot run() throws IOException;
    }

    private final Path tomcatBase;

    /** @param tomcatBase the directory given as {@code server.tomcat.basedir} */
    AccessLog(Path tomcatBase) {
        this.tomcatBase = tomcatBase;
    }

    /** @return the Spring Boot arguments that make Tomcat write this log, unbuffered */
    List<String> springBootArgs() {
        return List.of("--server.tomcat.basedir=" + tomcatBase, "--server.tomcat.accesslog.enabled=true",
                "--server.tomcat.accesslog.buffered=false");
    }

    /**
     * Runs {@code run} and adds {@code "METHOD path status"} of every request Tomcat logged meanwhile to
     * {@code requests}.
     *
     * @return what {@code run} returned
     */
    OneShot requestsDuring(List<String> requests, Run run) throws IOException {
        int before = lines().size();
        OneShot shot = run.run();
        List<String> lines = lines();
        for (String line : lines.subList(before, lines.size())) {
            Matcher m = REQUEST.matcher(line);
            assertThat(m.find()).as("access log line %s", line).isTrue();
            requests.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return shot;
    }

    private List<String> lines() throws IOException {
        Path logs = tomcatBase.resolve("logs");
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(logs)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(log));
            }
        }
        return lines;
    }
}
