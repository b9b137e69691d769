package dev.runtruth.agent.classpath;

/**
 * One jar or directory that loaded classes came from, as found by {@link ClasspathInventory}.
 *
 * <p>Immutable value. Every field is non-null ({@code ""} when unknown). Two entries are equal when their
 * {@link #location()} is equal: the location identifies the entry, the other fields describe it.
 */
public final class ClasspathEntry {

    /** {@link #kind()} of a jar file on disk, e.g. a {@code file:/path/x.jar} code source. */
    public static final String JAR = "jar";
    /** {@link #kind()} of a jar stored inside another jar or war, e.g. {@code BOOT-INF/lib/x.jar} of a fat jar. */
    public static final String NESTED_JAR = "nested-jar";
    /**
     * {@link #kind()} of a class directory: a directory on disk ({@code file:/path/classes/}) or a directory inside
     * the application archive ({@code BOOT-INF/classes/}, {@code WEB-INF/classes/}).
     */
    public static final String DIRECTORY = "directory";

    private final String name;
    private final String version;
    private final String sha256;
    private final String location;
    private final String kind;
    private final String artifact;

    ClasspathEntry(String name, String version, String sha256, String location, String kind) {
        this(name, version, sha256, location, kind, "");
    }

    ClasspathEntry(String name, String version, String sha256, String location, String kind, String artifact) {
        this.artifact = nonNull(artifact);
        this.name = nonNull(name);
        this.version = nonNull(version);
        this.sha256 = nonNull(sha256);
        this.location = nonNull(location);
        this.kind = nonNull(kind);
    }

    /**
     * Returns the artifact-like name: the {@code artifactId} of the jar's
     * {@code META-INF/maven/<group>/<artifact>/pom.properties}, else its manifest {@code Implementation-Title} or
     * {@code Bundle-SymbolicName}, else the file name without version and extension ({@code "spring-core"} for
     * {@code spring-core-6.2.1.jar}). For a directory: its name
     * ({@code "classes"}; {@code "BOOT-INF/classes"} or {@code "WEB-INF/classes"} inside an archive).
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns what the jar is, the identity to compare across instances: {@code groupId:artifactId} of the jar's own
     * {@code META-INF/maven/<group>/<artifact>/pom.properties} (the one named like the file when a shaded jar carries
     * several, the only one otherwise), else the file name without version and extension
     * ({@code tomcat-embed-core} for {@code tomcat-embed-core-11.0.18.jar}: Tomcat's jars carry no pom.properties and
     * all share the manifest title {@code Apache Tomcat}, so {@link #name()} cannot tell them apart). {@code ""} for
     * a directory.
     *
     * @return the artifact, never null
     */
    public String artifact() {
        return artifact;
    }

    /**
     * Returns the version: {@code pom.properties} {@code version}, else manifest {@code Implementation-Version} or
     * {@code Bundle-Version}, else the version parsed from the file name; {@code ""} when none (always for
     * directories).
     *
     * @return the version, never null
     */
    public String version() {
        return version;
    }

    /**
     * Returns the lowercase hex SHA-256 of the jar's bytes as they are at inventory time: the file for a jar, the
     * stored bytes of the nested entry for a nested jar; {@code ""} for directories.
     *
     * @return 64 hex characters or {@code ""}, never null
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns a stable, human-readable location, the same whatever URL form the class loader used:
     * {@code /path/x.jar} for a jar, {@code /opt/app.jar!/BOOT-INF/lib/x-1.0.jar} for a nested jar,
     * {@code /path/classes/} for a directory and {@code /opt/app.jar!/BOOT-INF/classes/} for the classes of an archive.
     *
     * @return the absolute location, never null
     */
    public String location() {
        return location;
    }

    /**
     * Returns the kind of entry.
     *
     * @return {@link #JAR}, {@link #NESTED_JAR} or {@link #DIRECTORY}
     */
    public String kind() {
        return kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClasspathEntry && ((ClasspathEntry) other).location.equals(location);
    }

    @Override
    public int hashCode() {
        return location.hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + location + " (" + artifact + ", " + name + " " + version + ", sha256 " + sha256 + ")";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
