package dev.runtruth.agent.classpath;

import dev.runtruth.model.BuildProperties;
import dev.runtruth.agent.AgentLog;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The build identity of the application running in this JVM: version, git commit, branch, build time.
 *
 * <p>Read from three files, wherever the build put them in the application jar, war or class directory: at the
 * root, under {@code BOOT-INF/classes/} (Spring Boot jar) or under {@code WEB-INF/classes/} (war):
 * <ul>
 *   <li>{@code git.properties}, written by git-commit-id-maven-plugin ({@code io.github.git-commit-id}, formerly
 *       {@code pl.project13.maven:git-commit-id-plugin}) or Gradle's {@code com.gorylenko.gradle-git-properties}:
 *       keys {@code git.commit.id} (flat mode) or {@code git.commit.id.full} (full mode), {@code git.commit.id.abbrev},
 *       {@code git.branch}, {@code git.build.version}, {@code git.build.time};
 *   <li>{@code META-INF/build-info.properties}, written by the {@code build-info} goal of spring-boot-maven-plugin
 *       (or {@code springBoot.buildInfo()} in Gradle): keys {@code build.version}, {@code build.time} (ISO-8601),
 *       {@code build.name}, {@code build.artifact}, {@code build.group};
 *   <li>{@code META-INF/MANIFEST.MF} of the application archive: {@code Implementation-Title} (Spring Boot's parent
 *       pom puts the project name there) and {@code Implementation-Version}.
 * </ul>
 * Immutable. Every accessor returns {@code ""} when unknown, never null.
 */
public final class ApplicationBuild {

    private static final String[] PREFIXES = {"", "BOOT-INF/classes/", "WEB-INF/classes/"};
    private static final String GIT = "git.properties";
    private static final String BUILD_INFO = "META-INF/build-info.properties";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final String version;
    private final String commit;
    private final String commitShort;
    private final String branch;
    private final String buildTime;
    private final String implementationTitle;
    private final String mainJarName;
    private final String source;

    private ApplicationBuild(Properties git, Properties buildInfo, Attributes manifest, String mainJarName,
            String source) {
        this.commit = BuildProperties.commit(git);
        this.commitShort = BuildProperties.commitShort(git);
        this.branch = BuildProperties.branch(git);
        this.version = BuildProperties.version(git, buildInfo, manifest.getValue("Implementation-Version"));
        this.buildTime = BuildProperties.buildTime(git, buildInfo);
        this.implementationTitle = BuildProperties.name(buildInfo, manifest.getValue("Implementation-Title"));
        this.mainJarName = mainJarName;
        this.source = source;
    }

    /**
     * Detects the identity of the application started in this JVM. The application is the jar or war of
     * {@code java -jar} (system property {@code sun.java.command}), else the main module's location
     * ({@code jdk.module.main}), else the single jar of {@code java.class.path} or its first directory holding
     * {@code git.properties} or {@code META-INF/build-info.properties}. Reads a few small files: call once and keep
     * the result.
     *
     * @return the identity; all fields {@code ""} when nothing is found or readable; never null, never throws
     */
    public static ApplicationBuild detect() {
        try {
            return read(ApplicationLocator.locate());
        } catch (RuntimeException | LinkageError e) {
            AgentLog.warn("build-identity.detect", "build identity: cannot locate the application", e);
            return read(null);
        }
    }

    /**
     * Reads the identity of an explicit application location.
     *
     * @param applicationJarOrDirectory a jar, war or class directory; null or missing gives an empty identity
     * @return the identity; fields whose file is missing or unreadable are {@code ""}; never null, never throws
     */
    static ApplicationBuild read(File applicationJarOrDirectory) {
        Properties git = new Properties();
        Properties buildInfo = new Properties();
        Attributes manifest = new Attributes();
        List<String> sources = new ArrayList<>(3);
        File app = applicationJarOrDirectory;
        String mainJarName = "";
        try {
            if (app != null && app.isDirectory()) {
                readDirectory(app, git, buildInfo, manifest, sources);
            } else if (app != null && app.isFile()) {
                mainJarName = JarFileName.stripExtension(app.getName());
                readArchive(app, git, buildInfo, manifest, sources);
            }
        } catch (IOException | RuntimeException e) {
            // keep what was read before the failure
            AgentLog.warn("build-identity.read", "build identity: cannot read " + app + ", fields left empty", e);
        }
        return new ApplicationBuild(git, buildInfo, manifest, mainJarName, join(sources));
    }

    private static void readArchive(File archive, Properties git, Properties buildInfo, Attributes manifest,
            List<String> sources) throws IOException {
        try (ZipFile zip = new ZipFile(archive)) {
            String root = archive.getAbsolutePath() + "!/";
            ZipEntry entry = firstEntry(zip, GIT);
            if (entry != null) {
                load(zip, entry, git);
                sources.add(root + entry.getName());
            }
            entry = firstEntry(zip, BUILD_INFO);
            if (entry != null) {
                load(zip, entry, buildInfo);
                sources.add(root + entry.getName());
            }
            entry = zip.getEntry(MANIFEST);
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    manifest.putAll(new Manifest(in).getMainAttributes());
                }
                sources.add(root + MANIFEST);
            }
        }
    }

    private static void readDirectory(File directory, Properties git, Properties buildInfo, Attributes manifest,
            List<String> sources) throws IOException {
        File file = firstFile(directory, GIT);
        if (file != null) {
            load(file, git);
            sources.add(file.getAbsolutePath());
        }
        file = firstFile(directory, BUILD_INFO);
        if (file != null) {
            load(file, buildInfo);
            sources.add(file.getAbsolutePath());
        }
        file = new File(directory, MANIFEST);
        if (file.isFile()) {
            try (InputStream in = new FileInputStream(file)) {
                manifest.putAll(new Manifest(in).getMainAttributes());
            }
            sources.add(file.getAbsolutePath());
        }
    }

    private static ZipEntry firstEntry(ZipFile zip, String name) {
        for (String prefix : PREFIXES) {
            ZipEntry entry = zip.getEntry(prefix + name);
            if (entry != null && !entry.isDirectory()) {
                return entry;
            }
        }
        return null;
    }

    private static File firstFile(File directory, String name) {
        for (String prefix : PREFIXES) {
            File file = new File(directory, prefix + name);
            if (file.isFile()) {
                return file;
            }
        }
        return null;
    }

    private static void load(ZipFile zip, ZipEntry entry, Properties into) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            into.load(in);
        }
    }

    private static void load(File file, Properties into) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            into.load(in);
        }
    }

    private static String join(List<String> values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            joined.append(joined.length() == 0 ? "" : ", ").append(value);
        }
        return joined.toString();
    }


    /**
     * Returns the application version, as {@link BuildProperties#version} resolves it.
     *
     * @return the version or {@code ""}
     */
    public String version() {
        return version;
    }

    /**
     * Returns the full commit id, as {@link BuildProperties#commit} resolves it.
     *
     * @return 40 hex characters as written, or {@code ""} without {@code git.properties}
     */
    public String commit() {
        return commit;
    }

    /**
     * Returns the abbreviated commit id: {@code git.commit.id.abbrev}, else the first 7 characters of
     * {@link #commit()}.
     *
     * @return the short id or {@code ""}
     */
    public String commitShort() {
        return commitShort;
    }

    /**
     * Returns the branch the build was made from ({@code git.branch}).
     *
     * @return the branch or {@code ""}
     */
    public String branch() {
        return branch;
    }

    /**
     * Returns the build time as written: {@code build-info.properties} {@code build.time} (ISO-8601 instant), else
     * {@code git.build.time} (format set in the plugin, by default {@code yyyy-MM-dd'T'HH:mm:ssZ}).
     *
     * @return the build time or {@code ""}
     */
    public String buildTime() {
        return buildTime;
    }

    /**
     * Returns the application title: manifest {@code Implementation-Title}, else {@code build.name}, else
     * {@code build.artifact} of {@code build-info.properties}.
     *
     * @return the title or {@code ""}
     */
    public String implementationTitle() {
        return implementationTitle;
    }

    /**
     * Returns the application archive's file name without {@code .jar}/{@code .war}.
     *
     * @return the name, or {@code ""} when the application runs from a class directory or was not found
     */
    public String mainJarName() {
        return mainJarName;
    }

    /**
     * Returns where the identity was read, for humans: the files found, comma-separated, such as
     * {@code /opt/app.jar!/BOOT-INF/classes/git.properties, /opt/app.jar!/META-INF/MANIFEST.MF}.
     *
     * @return the sources or {@code ""}
     */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ApplicationBuild)) {
            return false;
        }
        ApplicationBuild that = (ApplicationBuild) other;
        return version.equals(that.version) && commit.equals(that.commit) && commitShort.equals(that.commitShort)
                && branch.equals(that.branch) && buildTime.equals(that.buildTime)
                && implementationTitle.equals(that.implementationTitle) && mainJarName.equals(that.mainJarName)
                && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(new Object[] {
                version, commit, commitShort, branch, buildTime, implementationTitle, mainJarName, source});
    }

    @Override
    public String toString() {
        return "ApplicationBuild{version=" + version + ", commit=" + commit + ", branch=" + branch + ", buildTime="
                + buildTime + ", title=" + implementationTitle + ", jar=" + mainJarName + ", source=" + source + "}";
    }
}
