package dev.runtruth.agent.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Collects the identifying metadata of one jar while its entries are visited, then names it.
 *
 * <p>Sources, best first: {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} (written by Maven's
 * maven-archiver: keys {@code groupId}, {@code artifactId}, {@code version}); the main section of
 * {@code META-INF/MANIFEST.MF} ({@code Implementation-Title}/{@code -Version}, OSGi {@code Bundle-SymbolicName}/
 * {@code Bundle-Version}, as Gradle-built jars such as JUnit's carry them); the file name ({@link JarFileName}).
 * Not thread-safe; one instance per jar.
 */
final class JarMetadata {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final String MAVEN_DIR = "META-INF/maven/";
    private static final String POM_PROPERTIES = "/pom.properties";

    /** {artifactId, version, groupId} of each pom.properties, in entry order. */
    private final List<String[]> poms = new ArrayList<>(1);
    private Attributes manifest = new Attributes();

    /**
     * Tells whether {@link #read} wants an entry, so callers skip the rest without opening it.
     *
     * @param entryName a zip entry name, not null
     * @return true for the manifest and {@code META-INF/maven/*}{@code /*}{@code /pom.properties}
     */
    static boolean isMetadataEntry(String entryName) {
        if (entryName.equals(MANIFEST)) {
            return true;
        }
        if (!entryName.startsWith(MAVEN_DIR) || !entryName.endsWith(POM_PROPERTIES)) {
            return false;
        }
        // exactly META-INF/maven/<group>/<artifact>/pom.properties
        int slashes = 0;
        for (int i = 0; i < entryName.length(); i++) {
            if (entryName.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes == 4;
    }

    /**
     * Reads one metadata entry. Reads {@code in} up to its end and leaves it open (it may be a
     * {@code ZipInputStream} positioned on the entry).
     *
     * @param entryName an entry for which {@link #isMetadataEntry} is true
     * @param in the entry's content, not null
     * @throws IOException if the entry cannot be read or parsed
     */
    void read(String entryName, InputStream in) throws IOException {
        if (entryName.equals(MANIFEST)) {
            manifest = new Manifest(in).getMainAttributes();
            return;
        }
        Properties pom = new Properties();
        pom.load(in);
        poms.add(new String[] {trim(pom.getProperty("artifactId")), trim(pom.getProperty("version")),
                trim(pom.getProperty("groupId"))});
    }

    /**
     * Builds the entry from what was read.
     *
     * @param fileName the jar's own file name (last path segment), for matching and as the last resort
     * @param sha256 lowercase hex digest of the jar bytes
     * @param location display location
     * @param kind {@link ClasspathEntry#JAR} or {@link ClasspathEntry#NESTED_JAR}
     * @return the entry, never null
     */
    ClasspathEntry toEntry(String fileName, String sha256, String location, String kind) {
        JarFileName parsed = JarFileName.parse(fileName);
        String[] pom = pomFor(parsed, JarFileName.stripExtension(fileName));
        String name = firstNonEmpty(pom[0], attribute("Implementation-Title"),
                symbolicName(attribute("Bundle-SymbolicName")), parsed.name);
        String version = firstNonEmpty(pom[1], attribute("Implementation-Version"), attribute("Bundle-Version"),
                parsed.version);
        return new ClasspathEntry(name, version, sha256, location, kind,
                artifact(pom, parsed, JarFileName.stripExtension(fileName)));
    }

    /**
     * The identity: the pom.properties that describes this jar (named like the file, or the only one), else the file
     * name without version. Never the manifest title: Tomcat's core, el and websocket jars all say "Apache Tomcat".
     */
    private String artifact(String[] pom, JarFileName parsed, String stem) {
        String id = pom[0];
        boolean named = id.equals(parsed.name) || id.equals(stem) || stem.startsWith(id + "-");
        if (!id.isEmpty() && (poms.size() == 1 || named)) {
            return pom[2].isEmpty() ? id : pom[2] + ":" + id;
        }
        return parsed.name;
    }

    /** A shaded jar carries the pom.properties of everything it shaded: prefer the one named like the file. */
    private String[] pomFor(JarFileName parsed, String stem) {
        String[] prefixMatch = null;
        for (String[] pom : poms) {
            if (pom[0].equals(parsed.name) || pom[0].equals(stem)) {
                return pom;
            }
            // the file name's version may not parse (odd qualifiers): the longest artifactId that prefixes it
            if (!pom[0].isEmpty() && stem.startsWith(pom[0] + "-")
                    && (prefixMatch == null || pom[0].length() > prefixMatch[0].length())) {
                prefixMatch = pom;
            }
        }
        if (prefixMatch != null) {
            return prefixMatch;
        }
        return poms.isEmpty() ? new String[] {"", "", ""} : poms.get(0);
    }

    private String attribute(String key) {
        return trim(manifest.getValue(key));
    }

    /** "org.foo.bar;singleton:=true" -> "org.foo.bar". */
    private static String symbolicName(String value) {
        int directive = value.indexOf(';');
        return directive < 0 ? value : value.substring(0, directive).trim();
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
