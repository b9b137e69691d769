package dev.runtruth.agent.classpath;

import dev.runtruth.agent.AgentLog;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipFile;

/**
 * Inventories the jars and directories that loaded classes came from: name, version, SHA-256 and location of each
 * (see {@link ClasspathEntry}; URL forms in {@link CodeSourceLocation}).
 *
 * <p>Each location is read once, on first sight, and the result cached for the life of this object: a jar's bytes
 * are streamed once for the digest, its metadata read from the central directory; the nested jars of one fat jar
 * share one open of the fat jar. Locations that cannot be read (missing, not a zip, unsupported URL) are counted
 * once in {@link #errors()}, cached as failures and left out of the results; {@link AgentLog} prints the first
 * failure, later ones only in debug mode.
 *
 * <p>Thread-safe. Reading is serialized, so concurrent callers never read the same jar twice. At most
 * {@value #MAX_CACHED_LOCATIONS} locations are cached; beyond that, new locations are read on every call.
 */
public final class ClasspathInventory {

    static final int MAX_CACHED_LOCATIONS = 10000;

    /** Cache value for a location that could not be read. */
    private static final ClasspathEntry UNREADABLE = new ClasspathEntry("", "", "", "", "");

    /** Keyed by {@link CodeSourceLocation#location}, or by the URL when it does not parse. */
    private final Map<String, ClasspathEntry> cache = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final Object readLock = new Object();

    /** Creates an inventory with an empty cache. Does no I/O. */
    public ClasspathInventory() {
    }

    /**
     * Returns the entries for the code sources of the given classes, typically
     * {@code Instrumentation.getAllLoadedClasses()}. Classes without a code source (JDK, generated) and JDK modules
     * ({@code jrt:}) are skipped. May read files (first sight of a location); call it off the request path.
     *
     * @param loadedClasses classes, may be null or contain nulls
     * @return entries deduplicated by location, sorted by location; never null, never throws
     */
    public List<ClasspathEntry> entriesFor(Class<?>[] loadedClasses) {
        if (loadedClasses == null) {
            return Collections.emptyList();
        }
        try {
            // thousands of classes share a handful of protection domains
            Set<ProtectionDomain> seen = Collections.newSetFromMap(new IdentityHashMap<ProtectionDomain, Boolean>());
            // URL.equals/hashCode may resolve host names: key by external form
            Map<String, URL> locations = new LinkedHashMap<>();
            for (Class<?> type : loadedClasses) {
                URL url = codeSourceUrl(type, seen);
                if (url != null) {
                    locations.put(url.toExternalForm(), url);
                }
            }
            return entriesForLocations(locations.values());
        } catch (RuntimeException | LinkageError e) {
            failed("loaded classes", e);
            return Collections.emptyList();
        }
    }

    /**
     * Returns the entry of the jar or directory one class came from, read on first sight like {@link #entriesFor}.
     *
     * @param type a loaded class
     * @return its entry; {@code null} for a class without a code source (JDK, generated) or an unreadable location
     */
    public ClasspathEntry entryOf(Class<?> type) {
        URL url = codeSourceUrl(type, Collections.newSetFromMap(new IdentityHashMap<ProtectionDomain, Boolean>()));
        if (url == null) {
            return null;
        }
        List<ClasspathEntry> entries = entriesForLocations(Collections.singletonList(url));
        return entries.isEmpty() ? null : entries.get(0);
    }

    private static URL codeSourceUrl(Class<?> type, Set<ProtectionDomain> seen) {
        if (type == null) {
            return null;
        }
        try {
            ProtectionDomain domain = type.getProtectionDomain();
            if (domain == null || !seen.add(domain)) {
                return null;
            }
            CodeSource source = domain.getCodeSource();
            return source == null ? null : source.getLocation();
        } catch (SecurityException e) {
            // a security manager may deny getProtectionDomain; such classes stay out of the inventory
            return null;
        }
    }

    /**
     * Returns the entries for code source locations, as returned by
     * {@code ProtectionDomain.getCodeSource().getLocation()}. Used by {@link #entriesFor} and by tests.
     *
     * @param locations URLs, may contain nulls
     * @return entries deduplicated by location, sorted by location; never null, never throws
     */
    List<ClasspathEntry> entriesForLocations(Collection<URL> locations) {
        try {
            Map<String, ClasspathEntry> found = new TreeMap<>();
            List<CodeSourceLocation> toRead = new ArrayList<>();
            for (URL url : locations) {
                CodeSourceLocation location = url == null ? null : resolve(url.toExternalForm());
                if (location == null) {
                    continue;
                }
                ClasspathEntry cached = cache.get(location.location);
                if (cached == null) {
                    toRead.add(location);
                } else if (cached != UNREADABLE) {
                    found.put(cached.location(), cached);
                }
            }
            if (!toRead.isEmpty()) {
                synchronized (readLock) {
                    for (ClasspathEntry entry : read(toRead)) {
                        found.put(entry.location(), entry);
                    }
                }
            }
            return Collections.unmodifiableList(new ArrayList<>(found.values()));
        } catch (RuntimeException | LinkageError e) {
            failed("classpath", e);
            return Collections.emptyList();
        }
    }

    /**
     * Returns how many distinct locations could not be read since this inventory was created. A location is counted
     * once, however often it is seen.
     *
     * @return the count, for the {@code runtruth_capture_errors_total} metric
     */
    public long errors() {
        return errors.get();
    }

    /**
     * Null for JDK code, for a source file run by the JDK's source launcher ({@code java Foo.java}, JEP 330: its classes
     * are compiled in memory and their code source is the {@code .java} file, no archive to read), and for URLs
     * already known to be unreadable; an unparseable URL is counted once.
     */
    private CodeSourceLocation resolve(String url) {
        if (CodeSourceLocation.isJdk(url) || url.endsWith(".java")) {
            return null;
        }
        try {
            return CodeSourceLocation.parse(url);
        } catch (RuntimeException e) {
            if (!cache.containsKey(url)) {
                remember(url, UNREADABLE);
                failed(url, e);
            }
            return null;
        }
    }

    /** Reads what is not cached yet; nested entries grouped by their outer archive. Called under {@link #readLock}. */
    private List<ClasspathEntry> read(List<CodeSourceLocation> locations) {
        List<ClasspathEntry> result = new ArrayList<>();
        Map<File, List<CodeSourceLocation>> byArchive = new LinkedHashMap<>();
        for (CodeSourceLocation location : locations) {
            ClasspathEntry cached = cache.get(location.location);
            if (cached != null) {
                // read meanwhile by another caller, or listed twice in this call
                if (cached != UNREADABLE) {
                    result.add(cached);
                }
            } else if (location.entryName != null) {
                List<CodeSourceLocation> group = byArchive.get(location.file);
                if (group == null) {
                    group = new ArrayList<>();
                    byArchive.put(location.file, group);
                }
                group.add(location);
            } else {
                try {
                    add(result, location, ClasspathEntry.DIRECTORY.equals(location.kind)
                            ? EntryReader.readDirectory(location) : EntryReader.readJar(location));
                } catch (IOException | RuntimeException e) {
                    unreadable(location, e);
                }
            }
        }
        for (Map.Entry<File, List<CodeSourceLocation>> group : byArchive.entrySet()) {
            readNested(group.getKey(), group.getValue(), result);
        }
        return result;
    }

    private void readNested(File archive, List<CodeSourceLocation> locations, List<ClasspathEntry> result) {
        try (ZipFile zip = new ZipFile(archive)) {
            for (CodeSourceLocation location : locations) {
                if (cache.containsKey(location.location)) {
                    continue; // the same nested entry twice in one call, in both URL forms
                }
                try {
                    add(result, location, ClasspathEntry.NESTED_JAR.equals(location.kind)
                            ? EntryReader.readNestedJar(zip, location)
                            : EntryReader.readNestedDirectory(zip, location));
                } catch (IOException | RuntimeException e) {
                    unreadable(location, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (CodeSourceLocation location : locations) {
                if (!cache.containsKey(location.location)) {
                    unreadable(location, e);
                }
            }
        }
    }

    private void add(List<ClasspathEntry> result, CodeSourceLocation location, ClasspathEntry entry) {
        remember(location.location, entry);
        result.add(entry);
    }

    private void unreadable(CodeSourceLocation location, Exception e) {
        remember(location.location, UNREADABLE);
        failed(location.location, e);
    }

    private void remember(String key, ClasspathEntry entry) {
        if (cache.size() < MAX_CACHED_LOCATIONS) {
            cache.put(key, entry);
        }
    }

    private void failed(String what, Throwable e) {
        errors.incrementAndGet();
        AgentLog.warn("classpath.read", "classpath inventory: cannot read " + what + ", left out", e);
    }
}
