package dev.runtruth.collector.expected;

import dev.runtruth.model.BuildProperties;
import dev.runtruth.collector.BuildIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.function.Consumer;

/**
 * Reads the build identity a build output carries, resolving each part with the shared {@link BuildProperties}
 * rules (the agent uses the same):
 * <ul>
 *   <li>{@code git.properties}, written by the git-commit-id-maven-plugin ({@code io.github.git-commit-id}, formerly
 *       {@code pl.project13.maven}): {@code git.commit.id.full} or {@code git.commit.id} (full id, depending on the
 *       plugin's {@code commitIdGenerationMode}), {@code git.commit.id.abbrev}, {@code git.branch},
 *       {@code git.build.version}, {@code git.build.time};</li>
 *   <li>{@code META-INF/build-info.properties}, written by Spring Boot's {@code build-info} goal: {@code build.name},
 *       {@code build.version}, {@code build.time} ({@code build.artifact} when there is no name).</li>
 *   <li>the archive's {@code META-INF/MANIFEST.MF}: {@code Implementation-Title}, {@code Implementation-Version}.</li>
 * </ul>
 * The properties files are looked up at the root and under {@code BOOT-INF/classes/} and {@code WEB-INF/classes/}.
 */
final class BuildInfoReader {

    private static final List<String> ROOTS = List.of("", "BOOT-INF/classes/", "WEB-INF/classes/");

    private BuildInfoReader() {
    }

    /**
     * @param output   the opened build output
     * @param warnings receives a line when a properties file exists but cannot be parsed
     * @return the identity; components the build does not carry are {@code null}, the service falls back to
     *         {@link BuildOutput#defaultServiceName()}
     */
    static BuildIdentity read(BuildOutput output, Consumer<String> warnings) {
        Properties git = load(output, "git.properties", warnings);
        Properties boot = load(output, "META-INF/build-info.properties", warnings);
        String title = manifestValue(output, "Implementation-Title");
        String version = manifestValue(output, "Implementation-Version");
        return new BuildIdentity(blankToNull(BuildProperties.name(boot, title)),
                blankToNull(BuildProperties.version(git, boot, version)), blankToNull(BuildProperties.commit(git)),
                blankToNull(BuildProperties.branch(git)), blankToNull(BuildProperties.buildTime(git, boot)))
                .withDefaultService(output.defaultServiceName());
    }

    private static Properties load(BuildOutput output, String name, Consumer<String> warnings) {
        Properties properties = new Properties();
        byte[] bytes = output.resource(ROOTS.stream().map(root -> root + name).toList());
        if (bytes != null) {
            try {
                properties.load(new ByteArrayInputStream(bytes));
            } catch (IOException | IllegalArgumentException e) {
                warnings.accept(output.display() + ": " + name + " is not a properties file (" + e.getMessage()
                        + "); build identity from it ignored");
                return new Properties();
            }
        }
        return properties;
    }

    private static String manifestValue(BuildOutput output, String name) {
        byte[] bytes = output.resource(List.of("META-INF/MANIFEST.MF"));
        if (bytes == null) {
            return null;
        }
        try {
            return new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes().getValue(name);
        } catch (IOException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
