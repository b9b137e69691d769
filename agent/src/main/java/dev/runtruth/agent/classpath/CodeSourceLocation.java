package dev.runtruth.agent.classpath;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A code source URL resolved to a file on disk and, for nested entries, the entry inside that file.
 *
 * <p>Understood forms ({@code ProtectionDomain.getCodeSource().getLocation().toExternalForm()}):
 * <ul>
 *   <li>{@code file:/path/x.jar} and {@code jar:file:/path/x.jar!/}: a jar ({@code URLClassLoader}, app class loader);
 *   <li>{@code file:/path/classes/}: a directory;
 *   <li>{@code jar:nested:/path/app.jar/!BOOT-INF/lib/x.jar!/} and
 *       {@code jar:nested:/path/app.jar/!BOOT-INF/classes/!/}:
 *       Spring Boot 3.2+ ({@code org.springframework.boot.loader.net.protocol.jar.JarUrl}: the outer path is the
 *       URI raw path, percent-encoded, with {@code !} as {@code %21}; {@code NestedLocation} splits at the last
 *       {@code /!});
 *   <li>{@code jar:file:/path/app.jar!/BOOT-INF/lib/x.jar!/} and {@code jar:file:/path/app.jar!/BOOT-INF/classes!/}:
 *       Spring Boot 1.x to 3.1 ({@code org.springframework.boot.loader.jar.Handler});
 *   <li>{@code jar:file:/path/app.war!/WEB-INF/lib/x.jar!/} and {@code jar:file:/path/app.war!/WEB-INF/classes/}:
 *       executable wars.
 * </ul>
 * A nested entry whose name ends in {@code .jar} (or {@code .war}, {@code .zip}) is a
 * {@link ClasspathEntry#NESTED_JAR}; any other nested entry is a directory inside the archive, such as
 * {@code BOOT-INF/classes/}.
 */
final class CodeSourceLocation {

    /** The jar, war or directory on disk; for nested entries the outer archive. */
    final File file;
    /** The entry inside {@link #file} ({@code "BOOT-INF/lib/x.jar"}, {@code "BOOT-INF/classes/"}), or null. */
    final String entryName;
    /** {@link ClasspathEntry#JAR}, {@link ClasspathEntry#NESTED_JAR} or {@link ClasspathEntry#DIRECTORY}. */
    final String kind;
    /** The display form, see {@link ClasspathEntry#location()}; also the cache key. */
    final String location;

    private CodeSourceLocation(File file, String entryName, String kind, String location) {
        this.file = file;
        this.entryName = entryName;
        this.kind = kind;
        this.location = location;
    }

    /**
     * Returns true for code sources of JDK classes ({@code jrt:/java.sql}), which are not part of the application.
     *
     * @param url the external form of a code source URL, not null
     * @return whether the URL points into the JDK runtime image
     */
    static boolean isJdk(String url) {
        return url.regionMatches(true, 0, "jrt:", 0, 4);
    }

    /**
     * Resolves a code source URL. Does no I/O except {@link File#isDirectory()} for a {@code file:} URL without a
     * trailing slash.
     *
     * @param url the external form of a code source URL, not null
     * @return the resolved location
     * @throws IllegalArgumentException for a protocol or nesting depth not listed in the class comment, with the URL
     */
    static CodeSourceLocation parse(String url) {
        if (startsWithIgnoreCase(url, "file:")) {
            File file = fileFromUrl(url);
            boolean directory = url.endsWith("/") || file.isDirectory();
            return directory ? directory(file) : plainFile(file, url);
        }
        if (startsWithIgnoreCase(url, "jar:nested:")) {
            // the jar URL ends with "!/" + path inside the nested jar (empty for a code source)
            int separator = url.lastIndexOf("!/");
            String nested = decode(url.substring("jar:nested:".length(), separator < 0 ? url.length() : separator));
            int split = nested.lastIndexOf("/!");
            if (split < 0) {
                return plainFile(new File(windowsPath(nested)), url);
            }
            return nestedEntry(new File(windowsPath(nested.substring(0, split))), nested.substring(split + 2), url);
        }
        if (startsWithIgnoreCase(url, "jar:file:")) {
            String spec = url.substring("jar:".length());
            int separator = spec.indexOf("!/");
            if (separator < 0) {
                throw new IllegalArgumentException("jar URL without '!/': " + url);
            }
            File outer = fileFromUrl(spec.substring(0, separator));
            String entry = spec.substring(separator + 2);
            if (entry.endsWith("!/")) {
                entry = entry.substring(0, entry.length() - 2);
            }
            if (entry.isEmpty()) {
                return plainFile(outer, url);
            }
            return nestedEntry(outer, decode(entry), url);
        }
        throw new IllegalArgumentException("unsupported code source URL: " + url);
    }

    private static CodeSourceLocation plainFile(File file, String url) {
        if (file.getPath().isEmpty()) {
            throw new IllegalArgumentException("no file in code source URL: " + url);
        }
        return new CodeSourceLocation(file, null, ClasspathEntry.JAR, file.getAbsolutePath());
    }

    private static CodeSourceLocation directory(File file) {
        String path = file.getAbsolutePath();
        return new CodeSourceLocation(file, null, ClasspathEntry.DIRECTORY,
                path.endsWith(File.separator) ? path : path + File.separator);
    }

    private static CodeSourceLocation nestedEntry(File outer, String entry, String url) {
        if (entry.contains("!/") || entry.startsWith("/") || entry.isEmpty()) {
            throw new IllegalArgumentException("unsupported nesting in code source URL: " + url);
        }
        String lower = entry.toLowerCase(Locale.ROOT);
        boolean archive = lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".zip");
        String name = archive || entry.endsWith("/") ? entry : entry + "/";
        return new CodeSourceLocation(outer, name, archive ? ClasspathEntry.NESTED_JAR : ClasspathEntry.DIRECTORY,
                outer.getAbsolutePath() + "!/" + name);
    }

    /** {@code file:} URL to a file; tolerates the unencoded spaces some class loaders leave in. */
    static File fileFromUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getAuthority() == null && uri.getQuery() == null && uri.getFragment() == null) {
                return new File(uri);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a well-formed URI (e.g. a raw space from File.toURL()): decode by hand below
        }
        String path = url.substring("file:".length());
        if (path.startsWith("//")) {
            // file://localhost/x, file:///x; a remote host is kept as a UNC-like //host/x path
            int slash = path.indexOf('/', 2);
            String host = slash < 0 ? path.substring(2) : path.substring(2, slash);
            if (host.isEmpty() || host.equalsIgnoreCase("localhost")) {
                path = slash < 0 ? "/" : path.substring(slash);
            }
        }
        return new File(windowsPath(decode(path)));
    }

    /** "/C:/x" is how a Windows drive path appears in a URL; File wants "C:/x". */
    private static String windowsPath(String path) {
        if (File.separatorChar == '\\' && path.length() > 2 && path.charAt(0) == '/' && path.charAt(2) == ':') {
            return path.substring(1);
        }
        return path;
    }

    /**
     * Percent-decodes UTF-8 sequences. Unlike {@code URLDecoder}, keeps {@code '+'} (legal in file names) and
     * leaves a malformed escape as written.
     */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int high = c == '%' && i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Override
    public String toString() {
        return kind + " " + location;
    }
}
