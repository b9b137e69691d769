package dev.runtruth.agent.classpath;

import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * Reads a library's version from the {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} that Maven writes
 * into every jar it builds (maven-archiver; kept by maven-shade when it merges jars into a fat jar).
 */
public final class PomVersion {

    private PomVersion() {
    }

    /**
     * @param loader    the loader to ask (a framework class's); {@code null} for the bootstrap loader
     * @param resources resource names of {@code pom.properties} files, most specific first
     * @return the {@code version} property of the first one found; {@code ""} when none is found or readable
     */
    public static String read(ClassLoader loader, List<String> resources) {
        for (String resource : resources) {
            try {
                URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
                if (url == null) {
                    continue;
                }
                Properties properties = new Properties();
                InputStream in = url.openStream();
                try {
                    properties.load(in);
                } finally {
                    in.close();
                }
                String version = properties.getProperty("version", "").trim();
                if (!version.isEmpty()) {
                    return version;
                }
            } catch (Exception e) {
                // an unreadable resource: try the next, else the caller falls back to the jar's version
            }
        }
        return "";
    }

    /**
     * @param entry        a classpath entry
     * @param mainJarName  the application jar's name without extension ({@link ApplicationBuild#mainJarName()})
     * @return whether the entry is the application's own jar
     */
    public static boolean isApplicationJar(ClasspathEntry entry, String mainJarName) {
        if (mainJarName.isEmpty()) {
            return false;
        }
        String location = entry.location();
        int slash = location.lastIndexOf('/', location.endsWith("/") ? location.length() - 2 : location.length());
        String file = location.substring(slash + 1);
        return JarFileName.stripExtension(file).equals(mainJarName);
    }
}
