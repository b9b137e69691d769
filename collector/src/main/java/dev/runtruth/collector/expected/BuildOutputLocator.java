package dev.runtruth.collector.expected;

import dev.runtruth.collector.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the build output to scan behind what the user gave, so that a directory that is not a build output is an input
 * error rather than "0 routes":
 * <ul>
 *   <li>a source checkout (a directory with {@code pom.xml}, {@code build.gradle[.kts]} or
 *       {@code settings.gradle[.kts]}): its build output, the first of Maven's {@code target/classes}, Gradle's single
 *       application jar in {@code build/libs} (not {@code -plain}, {@code -sources}, {@code -javadoc}), Gradle's
 *       {@code build/classes/java/main} or {@code build/classes/kotlin/main} that holds class files; a note names it;
 *       none is an input error that says to build first;</li>
 *   <li>Quarkus' fast-jar launcher {@code quarkus-app/quarkus-run.jar}, or the {@code quarkus-app} directory: the one
 *       application jar in {@code quarkus-app/app/}, with the library jars of {@code lib/main} and {@code lib/boot}
 *       (annotation types, supertypes); several application jars are an input error that names them;</li>
 *   <li>a directory with class files below it: itself (a classes directory);</li>
 *   <li>any other directory: an input error naming what was looked for and not found.</li>
 * </ul>
 * Files are returned as they are ({@link BuildOutput#open} tells their kind).
 */
final class BuildOutputLocator {

    /** The build files that make a directory a source checkout, in the order they are named. */
    static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts");

    /**
     * @param path       the build output to scan
     * @param checkout   the source checkout it was found in, or {@code null} when the user gave it directly
     * @param buildFile  the build file that made {@code checkout} one ({@code pom.xml}, ...), or {@code null}
     * @param libraries  library jar files beside the build output (Quarkus' {@code lib/main}), in order; often empty
     * @param note       what was read instead of what was given (a Quarkus launcher), or {@code null}
     */
    record Located(Path path, Path checkout, String buildFile, List<Path> libraries, String note) {

        Located(Path path, Path checkout, String buildFile) {
            this(path, checkout, buildFile, List.of(), null);
        }
    }

    private BuildOutputLocator() {
    }

    /**
     * @param given the path the user gave
     * @return the build output to scan
     * @throws InputException for a directory that is neither a classes directory nor a checkout with a build output
     */
    static Located locate(Path given) throws InputException {
        Path quarkusApp = quarkusApp(given);
        if (quarkusApp != null) {
            return quarkus(given, quarkusApp);
        }
        if (!Files.isDirectory(given)) {
            return new Located(given, null, null);
        }
        String buildFile = BUILD_FILES.stream().filter(f -> Files.isRegularFile(given.resolve(f))).findFirst()
                .orElse(null);
        if (buildFile != null) {
            for (Path candidate : candidates(given)) {
                if (Files.isRegularFile(candidate) || hasClassFiles(candidate)) {
                    return new Located(candidate, given, buildFile);
                }
            }
            throw new InputException(given.toString(), "a source checkout (" + buildFile + ") without a build output:"
                    + " no class files in target/classes, build/classes or a jar in build/libs; build it first (e.g."
                    + " ./mvnw package) or give the build output itself");
        }
        if (hasClassFiles(given)) {
            return new Located(given, null, null);
        }
        List<String> jars = jarsIn(given);
        throw new InputException(given.toString(), "not a build output: no class files below it, no pom.xml or"
                + " build.gradle with a build output" + (jars.isEmpty() ? ""
                        : ", and the jars in it are not read one by one (give one: " + String.join(", ", jars) + ")")
                + "; give a classes directory, a jar or war, a route manifest or an OpenAPI document");
    }

    /**
     * @return the {@code quarkus-app} directory when {@code given} is Quarkus' fast-jar launcher
     *         ({@code quarkus-app/quarkus-run.jar}) or the directory holding it, else {@code null}
     */
    private static Path quarkusApp(Path given) {
        Path name = given.getFileName();
        if (name != null && name.toString().equals("quarkus-run.jar") && Files.isRegularFile(given)) {
            return given.toAbsolutePath().getParent();
        }
        return Files.isDirectory(given) && Files.isRegularFile(given.resolve("quarkus-run.jar")) ? given : null;
    }

    /**
     * Quarkus' production layout ({@code quarkus.package.jar.type=fast-jar}, the default since Quarkus 1.12): the
     * launcher {@code quarkus-run.jar} holds no application class; the application's classes and resources are its
     * own jar(s) in {@code app/}, its libraries the jars in {@code lib/main/} (and {@code lib/boot/}).
     */
    private static Located quarkus(Path given, Path app) throws InputException {
        List<Path> own = jarFiles(app.resolve("app"));
        if (own.size() != 1) {
            throw new InputException(given.toString(), "a Quarkus fast-jar layout with " + (own.isEmpty()
                    ? "no application jar in " + app.resolve("app")
                    : own.size() + " application jars in " + app.resolve("app") + ": give one of them (" + own
                            .stream().map(p -> p.getFileName().toString()).toList() + ")"));
        }
        List<Path> libraries = new ArrayList<>(jarFiles(app.resolve("lib/main")));
        libraries.addAll(jarFiles(app.resolve("lib/boot")));
        return new Located(own.get(0), null, null, libraries, given + " is Quarkus' fast-jar layout: read the"
                + " application's jar " + own.get(0) + " with the " + libraries.size() + " library jars of "
                + app.resolve("lib"));
    }

    private static List<Path> jarFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> candidates(Path checkout) {
        List<Path> out = new ArrayList<>();
        out.add(checkout.resolve("target/classes"));
        List<Path> jars = new ArrayList<>();
        Path libs = checkout.resolve("build/libs");
        if (Files.isDirectory(libs)) {
            try (Stream<Path> list = Files.list(libs)) {
                list.filter(p -> {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return (name.endsWith(".jar") || name.endsWith(".war")) && !name.endsWith("-plain.jar")
                            && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
                }).sorted().forEach(jars::add);
            } catch (IOException e) {
                // unreadable: the class directories below are tried
            }
        }
        if (jars.size() == 1) {
            out.add(jars.get(0));
        }
        out.add(checkout.resolve("build/classes/java/main"));
        out.add(checkout.resolve("build/classes/kotlin/main"));
        return out;
    }

    private static boolean hasClassFiles(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".class")
                    && Files.isRegularFile(p));
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(dir.toString(), "cannot read directory: " + e.getMessage(), e);
        }
    }

    private static List<String> jarsIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar") || n.endsWith(".war")).sorted().limit(5).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
