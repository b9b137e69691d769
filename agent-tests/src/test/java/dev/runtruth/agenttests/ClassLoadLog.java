package dev.runtruth.agenttests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's own record of where classes came from: {@code -Xlog:class+load=info:file=<path>} writes one line per
 * loaded class with its code source, e.g. {@code source: jar:nested:/app.jar/!BOOT-INF/lib/spring-core-6.2.19.jar!/}
 * (Boot 3.2+) or {@code source: jar:file:/app.jar!/BOOT-INF/lib/spring-core-5.3.31.jar!/} (older Boot).
 */
final class ClassLoadLog {

    private static final Pattern NESTED_JAR = Pattern.compile("source: \\S*BOOT-INF/lib/([^/!]+\\.jar)");

    private ClassLoadLog() {
    }

    /** @return the JVM option that writes the log to {@code file} */
    static String option(Path file) {
        return "-Xlog:class+load=info:file=" + file.toAbsolutePath();
    }

    /**
     * @param file a log written with {@link #option(Path)}
     * @return the file names of the nested jars at least one class was loaded from, sorted
     * @throws UncheckedIOException if the file cannot be read
     */
    static Set<String> nestedJarsWithLoadedClasses(Path file) {
        Set<String> jars = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher matcher = NESTED_JAR.matcher(line);
                if (matcher.find()) {
                    jars.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return jars;
    }
}
