package dev.runtruth.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.main.RuntruthCli;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The collector's top-level packages ({@code cli}, {@code check}, {@code drift}, {@code expected}, ... each with its
 * sub-packages) depend on each other without a cycle: {@code cli} holds the plumbing every command uses, each command
 * lives in its feature package, and only {@code main} (the top-level command that lists them all) sits above them.
 *
 * <p>The dependencies are read from the compiled classes, not from the sources: every type a class file refers to
 * (in code, signatures, annotations such as picocli's {@code subcommands}) is named in its constant pool as an
 * internal name ({@code dev/runtruth/collector/cli/ExitCodes}), so a fully qualified name in code counts and a
 * Javadoc link does not.
 */
class PackageCyclesTest {

    private static final String ROOT = "dev/runtruth/collector/";
    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(ROOT) + "((?:[a-z0-9_]+/)*)[A-Z][\\w$]*");

    @Test
    void noCycleBetweenTopLevelPackages() throws IOException, URISyntaxException {
        Map<String, Set<String>> graph = dependencies();

        assertThat(graph).as("the main classes were found").containsKeys("cli", "check", "main", "drift");
        assertThat(cycles(graph)).as("package cycles (each a path back to its start); dependencies: " + graph)
                .isEmpty();
        assertThat(graph.get("cli")).as("cli is plumbing: it knows no command").doesNotContain("check", "ladder",
                "probe", "attach", "serve", "verify", "demo", "main");
    }

    /** @return for each top-level package of the main classes (root package: {@code ""}), the ones it refers to */
    private static Map<String, Set<String>> dependencies() throws IOException, URISyntaxException {
        Path classes = Path.of(RuntruthCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = slice(classes.relativize(file.getParent()).toString().replace('\\', '/') + "/");
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                // internal names are ASCII, so they sit verbatim in the class file's modified-UTF-8 constants
                Matcher m = REFERENCE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    String target = slice(ROOT + m.group(1));
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        }
        return graph;
    }

    /** @return {@code cli} for {@code dev/runtruth/collector/cli/} and its sub-packages, {@code ""} for the root */
    private static String slice(String packagePath) {
        String rest = packagePath.startsWith(ROOT) ? packagePath.substring(ROOT.length()) : "";
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
    }

    /** @return one path {@code a -> b -> ... -> a} for every edge {@code a -> b} that can get back to {@code a} */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> cycles = new ArrayList<>();
        graph.forEach((from, targets) -> targets.forEach(to -> {
            List<String> back = path(graph, to, from);
            if (back != null) {
                cycles.add(from + " -> " + String.join(" -> ", back));
            }
        }));
        return cycles;
    }

    /** Breadth-first: the shortest path from {@code start} to {@code goal}, both included, or null. */
    private static List<String> path(Map<String, Set<String>> graph, String start, String goal) {
        Map<String, String> cameFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        cameFrom.put(start, start);
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            if (node.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String n = goal; !n.equals(start); n = cameFrom.get(n)) {
                    path.add(0, n);
                }
                path.add(0, start);
                return path;
            }
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (cameFrom.putIfAbsent(next, node) == null) {
                    queue.addLast(next);
                }
            }
        }
        return null;
    }
}
