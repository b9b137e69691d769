package dev.runtruth.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Checks the built, shaded agent jar: its size, nothing outside our packages, Java 8 bytecode, agent manifest. */
class ShadedJarIT {

    private static final File JAR = new File(System.getProperty("runtruth.agent.jar", "target/runtruth-agent.jar"));

    /** jmx_exporter's javaagent jar (1.x), the plainest agent an SRE team already runs: 2.75 MiB. */
    private static final long JMX_EXPORTER_JAR_BYTES = (long) (2.75 * 1024 * 1024);

    @Test
    void isNoLargerThanJmxExporter() {
        assertThat(JAR.length()).as("bytes of %s", JAR).isPositive().isLessThanOrEqualTo(JMX_EXPORTER_JAR_BYTES);
    }

    @Test
    void carriesNoProtobufRuntime() throws IOException {
        // the text formats are all the agent serves; client_java's protobuf writer would bring 1.7 MB of protobuf
        List<String> protobuf = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR)) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.contains("protobuf")) {
                    protobuf.add(name);
                }
            }
        }
        assertThat(protobuf).isEmpty();
    }

    @Test
    void everyClassIsUnderOurPackages() throws IOException {
        List<String> outside = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR)) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                String path = name.startsWith("META-INF/versions/")
                        ? name.substring(name.indexOf('/', "META-INF/versions/".length()) + 1) : name;
                boolean ours = path.startsWith("dev/runtruth/") || path.equals("dev/");
                boolean metadata = name.startsWith("META-INF/") && !name.startsWith("META-INF/versions/");
                boolean versionDir = name.matches("META-INF/versions/\\d+/(dev/)?");
                if (!ours && !metadata && !versionDir && !name.equals("META-INF/versions/")) {
                    outside.add(name);
                }
            }
        }
        assertThat(outside).as("entries outside dev/runtruth/ (not shaded)").isEmpty();
    }

    @Test
    void thirdPartyCodeIsRelocatedUnderOnePrefix() throws IOException {
        List<String> misplaced = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR)) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.contains("dev/runtruth/agent/")
                        && !name.contains("dev/runtruth/model/")) {
                    misplaced.add(name);
                }
                if ((name.contains("org/objectweb/asm") || name.contains("io/prometheus"))
                        && !name.contains("dev/runtruth/agent/shaded/")) {
                    misplaced.add(name);
                }
            }
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void baseClassesAreJava8Bytecode() throws IOException {
        List<String> tooNew = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR)) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/versions/")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    DataInputStream data = new DataInputStream(in);
                    data.readInt();
                    data.readUnsignedShort();
                    int major = data.readUnsignedShort();
                    if (major > 52) {
                        tooNew.add(entry.getName() + " (major " + major + ")");
                    }
                }
            }
        }
        assertThat(tooNew).isEmpty();
    }

    @Test
    void manifestDeclaresTheAgent() throws IOException {
        try (JarFile jar = new JarFile(JAR)) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo(RuntruthAgent.class.getName());
            assertThat(main.getValue("Agent-Class")).isEqualTo(RuntruthAgent.class.getName());
            assertThat(main.getValue("Implementation-Version")).isNotBlank();
        }
    }
}
