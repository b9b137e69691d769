package dev.runtruth.agent;

import dev.runtruth.agent.classpath.ApplicationBuild;
import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.agent.classpath.ClasspathInventory;
import dev.runtruth.agent.classpath.PomVersion;
import dev.runtruth.agent.coverage.CoverageAssessor;
import dev.runtruth.agent.routes.spring.SpringMvcRoutes;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the agent knows about the application besides routes, computed lazily at scrape time (never in premain) and
 * cached: the build identity once, the loaded classpath at most every {@link #CLASSPATH_REFRESH_NANOS} (digests are
 * cached per jar by {@link ClasspathInventory}, so a refresh only looks at new code sources).
 */
final class Inventory implements CoverageAssessor.Jvm {

    static final long CLASSPATH_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** While classes are still being loaded (startup, lazy features), the classpath is re-read at most this often. */
    static final long CLASSPATH_CHANGE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Instrumentation instrumentation;
    private final String configuredService;
    private final ClasspathInventory classpath = new ClasspathInventory();
    private volatile ApplicationBuild identity;
    private volatile List<ClasspathEntry> entries;
    private volatile long entriesAt;
    private volatile long loadedClassesAt = -1;
    /** Framework versions by landmark class, read once each (a scrape asks for every framework present). */
    private final Map<Class<?>, String> versions = new WeakHashMap<Class<?>, String>();

    Inventory(Instrumentation instrumentation, String configuredService) {
        this.instrumentation = instrumentation;
        this.configuredService = configuredService;
    }

    ApplicationBuild identity() {
        ApplicationBuild id = identity;
        if (id == null) {
            id = ApplicationBuild.detect();
            identity = id;
        }
        return id;
    }

    /**
     * The service name: the {@code service} option; else the application jar's {@code Implementation-Title}; else
     * {@code spring.application.name} when a Spring context is visible; else the application jar's file name; else
     * {@code unknown}.
     */
    String service() {
        if (!configuredService.isEmpty()) {
            return configuredService;
        }
        ApplicationBuild id = identity();
        if (!id.implementationTitle().isEmpty()) {
            return id.implementationTitle();
        }
        String springName = SpringMvcRoutes.applicationName();
        if (springName != null && !springName.isEmpty()) {
            return springName;
        }
        return id.mainJarName().isEmpty() ? "unknown" : id.mainJarName();
    }

    /**
     * The loaded classpath: re-read when it is older than {@link #CLASSPATH_REFRESH_NANOS}, or older than
     * {@link #CLASSPATH_CHANGE_NANOS} while the JVM's loaded-class count keeps changing (a scrape during startup must
     * not freeze a partial list for a minute).
     */
    synchronized List<ClasspathEntry> classpath() {
        long now = System.nanoTime();
        long loaded = totalLoadedClasses();
        boolean changed = loaded != loadedClassesAt && now - entriesAt > CLASSPATH_CHANGE_NANOS;
        if (entries == null || changed || now - entriesAt > CLASSPATH_REFRESH_NANOS) {
            entries = classpath.entriesFor(instrumentation.getAllLoadedClasses());
            entriesAt = now;
            loadedClassesAt = loaded;
        }
        return entries;
    }

    private static long totalLoadedClasses() {
        try {
            return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        } catch (Throwable t) {
            // a runtime without java.management: fall back to the periodic refresh
            return -1;
        }
    }

    /** @return the agent's instrumentation */
    Instrumentation instrumentation() {
        return instrumentation;
    }

    @Override
    public Map<String, Class<?>> loaded(Collection<String> classNames) {
        Set<String> wanted = new HashSet<String>(classNames);
        Map<String, Class<?>> found = new HashMap<String, Class<?>>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String name = type.getName();
            if (wanted.contains(name) && !found.containsKey(name)) {
                found.put(name, type);
            }
        }
        return found;
    }

    @Override
    public String version(Class<?> type, List<String> pomProperties) {
        synchronized (versions) {
            String known = versions.get(type);
            if (known != null) {
                return known;
            }
        }
        String version = readVersion(type, pomProperties);
        synchronized (versions) {
            versions.put(type, version);
        }
        return version;
    }

    private String readVersion(Class<?> type, List<String> pomProperties) {
        String version = PomVersion.read(type.getClassLoader(), pomProperties);
        if (!version.isEmpty()) {
            return version;
        }
        ClasspathEntry entry = classpath.entryOf(type);
        if (entry == null || PomVersion.isApplicationJar(entry, identity().mainJarName())) {
            return ""; // a framework shaded into the application's jar: that jar's version is the application's
        }
        return entry.version();
    }

    long errors() {
        return classpath.errors();
    }
}
