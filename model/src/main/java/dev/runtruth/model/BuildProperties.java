package dev.runtruth.model;

import java.util.Properties;

/**
 * Which key of which build file gives each part of an application's build identity. The agent (reading the running
 * application's jar) and the collector (reading a build output) both resolve identity through these methods, so a
 * commit or a service name means the same on both sides.
 *
 * <p>Sources:
 * <ul>
 *   <li>{@code git.properties}, written by git-commit-id-maven-plugin ({@code io.github.git-commit-id}, formerly
 *       {@code pl.project13.maven}): {@code git.commit.id.full} or {@code git.commit.id} (the full id, depending on
 *       the plugin's {@code commitIdGenerationMode}), {@code git.commit.id.abbrev}, {@code git.branch},
 *       {@code git.build.version}, {@code git.build.time};</li>
 *   <li>{@code META-INF/build-info.properties}, written by Spring Boot's {@code build-info} goal (Maven) or
 *       {@code springBoot.buildInfo()} (Gradle): {@code build.name}, {@code build.artifact}, {@code build.version},
 *       {@code build.time} (ISO-8601);</li>
 *   <li>the application jar's {@code META-INF/MANIFEST.MF}: {@code Implementation-Title} (Spring Boot's plugins
 *       write the project name there) and {@code Implementation-Version}.</li>
 * </ul>
 * Every method returns the first non-blank value, trimmed, or {@code ""}; never {@code null}. Missing files are
 * passed as empty {@link Properties} and {@code null} manifest values.
 */
public final class BuildProperties {

    private BuildProperties() {
    }

    /** @return the full commit id: {@code git.commit.id.full}, else {@code git.commit.id}, else the abbreviated id */
    public static String commit(Properties git) {
        return first(git.getProperty("git.commit.id.full"), git.getProperty("git.commit.id"),
                git.getProperty("git.commit.id.abbrev"));
    }

    /** @return the abbreviated commit id: {@code git.commit.id.abbrev}, else the first 7 characters of the commit */
    public static String commitShort(Properties git) {
        String commit = commit(git);
        return first(git.getProperty("git.commit.id.abbrev"), commit.length() > 7 ? commit.substring(0, 7) : commit);
    }

    /** @return the branch the build was made from: {@code git.branch} */
    public static String branch(Properties git) {
        return first(git.getProperty("git.branch"));
    }

    /**
     * @return the application version: {@code build.version}, else {@code git.build.version}, else the manifest's
     *         {@code Implementation-Version}
     */
    public static String version(Properties git, Properties buildInfo, String implementationVersion) {
        return first(buildInfo.getProperty("build.version"), git.getProperty("git.build.version"),
                implementationVersion);
    }

    /** @return the build time as written: {@code build.time}, else {@code git.build.time} */
    public static String buildTime(Properties git, Properties buildInfo) {
        return first(buildInfo.getProperty("build.time"), git.getProperty("git.build.time"));
    }

    /**
     * @return the application's name, the default service name: the manifest's {@code Implementation-Title}, else
     *         {@code build.name}, else {@code build.artifact}
     */
    public static String name(Properties buildInfo, String implementationTitle) {
        return first(implementationTitle, buildInfo.getProperty("build.name"), buildInfo.getProperty("build.artifact"));
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.trim().isEmpty()) {
                return value.trim();
            }
        }
        return "";
    }
}
