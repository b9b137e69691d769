package dev.runtruth.agent.classpath;

/** Creates {@link ClasspathEntry} values (package-private constructor) for tests in other packages. */
public final class ClasspathEntryAccess {

    private ClasspathEntryAccess() {
    }

    /** @return a nested-jar entry */
    public static ClasspathEntry entry(String name, String version, String sha256, String location) {
        return new ClasspathEntry(name, version, sha256, location, "nested-jar");
    }

    /** @return a nested-jar entry with its artifact */
    public static ClasspathEntry entry(String artifact, String name, String version, String sha256, String location) {
        return new ClasspathEntry(name, version, sha256, location, "nested-jar", artifact);
    }
}
