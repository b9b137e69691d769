package dev.runtruth.agent.classpath;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the application's own jar, war or class directory from the launcher's system properties. Each method
 * returns null when it finds nothing and never throws.
 */
final class ApplicationLocator {

    /** The files {@link ApplicationBuild} reads, at the places it reads them. */
    private static final String[] IDENTITY_FILES = {
            "git.properties", "META-INF/build-info.properties",
            "BOOT-INF/classes/git.properties", "BOOT-INF/classes/META-INF/build-info.properties",
            "WEB-INF/classes/git.properties", "WEB-INF/classes/META-INF/build-info.properties"};

    private ApplicationLocator() {
    }

    /**
     * Locates the application of this JVM: {@code sun.java.command}, then {@code jdk.module.main}, then
     * {@code java.class.path}.
     *
     * @return an existing jar, war or directory, or null
     */
    static File locate() {
        File found = fromCommand(System.getProperty("sun.java.command"));
        if (found == null) {
            found = fromModule(System.getProperty("jdk.module.main"));
        }
        if (found == null) {
            found = fromClassPath(System.getProperty("java.class.path"));
        }
        return found;
    }

    /**
     * The archive of {@code java -jar app.jar args}: HotSpot sets {@code sun.java.command} to the jar path followed by
     * the arguments (or to the main class and its arguments without {@code -jar}). The path may contain spaces, so
     * the shortest prefix ending in {@code .jar}/{@code .war} that names an existing file wins; a jar among the
     * arguments of a main class is not taken (the prefix then includes the class name).
     *
     * @param javaCommand the value of {@code sun.java.command}, may be null
     * @return the existing jar or war, or null
     */
    static File fromCommand(String javaCommand) {
        if (javaCommand == null) {
            return null;
        }
        String lower = javaCommand.toLowerCase(Locale.ROOT);
        for (int end = 4; end <= lower.length(); end++) {
            boolean tokenEnd = end == lower.length() || lower.charAt(end) == ' ';
            if (tokenEnd && (lower.startsWith(".jar", end - 4) || lower.startsWith(".war", end - 4))) {
                File candidate = new File(javaCommand.substring(0, end)).getAbsoluteFile();
                if (candidate.isFile()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * The location of the main module of {@code java -m module/Main}, through {@code ModuleLayer} by reflection (the
     * agent compiles for Java 8).
     *
     * @param moduleName the value of {@code jdk.module.main}, may be null
     * @return the module's jar or directory, or null
     */
    static File fromModule(String moduleName) {
        if (moduleName == null || moduleName.isEmpty()) {
            return null;
        }
        try {
            Class<?> layerType = Class.forName("java.lang.ModuleLayer");
            Object layer = layerType.getMethod("boot").invoke(null);
            Object configuration = layerType.getMethod("configuration").invoke(layer);
            Method findModule = Class.forName("java.lang.module.Configuration").getMethod("findModule", String.class);
            Object resolved = ((Optional<?>) findModule.invoke(configuration, moduleName)).orElse(null);
            if (resolved == null) {
                return null;
            }
            Object reference = Class.forName("java.lang.module.ResolvedModule").getMethod("reference").invoke(resolved);
            Object uri = ((Optional<?>) Class.forName("java.lang.module.ModuleReference").getMethod("location")
                    .invoke(reference)).orElse(null);
            if (uri instanceof URI && "file".equalsIgnoreCase(((URI) uri).getScheme())) {
                File file = new File((URI) uri);
                return file.exists() ? file : null;
            }
            return null;
        } catch (Exception | LinkageError e) {
            // Java 8, or a module from a custom layer or image: no module location
            return null;
        }
    }

    /**
     * A class path of exactly one jar or war (as {@code java -jar} sets it) gives that archive; otherwise the first
     * directory holding {@code git.properties} or {@code META-INF/build-info.properties} (an IDE or
     * {@code mvn exec:java} run from {@code target/classes}).
     *
     * @param classPath the value of {@code java.class.path}, may be null
     * @return the existing archive or directory, or null
     */
    static File fromClassPath(String classPath) {
        if (classPath == null || classPath.isEmpty()) {
            return null;
        }
        String[] elements = classPath.split(File.pathSeparator);
        if (elements.length == 1) {
            File single = new File(elements[0]).getAbsoluteFile();
            String lower = single.getName().toLowerCase(Locale.ROOT);
            if (single.isFile() && (lower.endsWith(".jar") || lower.endsWith(".war"))) {
                return single;
            }
        }
        for (String element : elements) {
            File directory = new File(element).getAbsoluteFile();
            if (directory.isDirectory()) {
                for (String identityFile : IDENTITY_FILES) {
                    if (new File(directory, identityFile).isFile()) {
                        return directory;
                    }
                }
            }
        }
        return null;
    }
}
