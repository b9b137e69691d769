package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.testing.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spring Boot fat jar of realistic size (60 MB of nested jars) scans in well under the budget. */
class ScanPerformanceTest {

    private static final long TARGET_BYTES = 60L << 20;

    @TempDir
    Path temp;

    @Test
    void sixtyMegabyteFatJarScansFast() throws Exception {
        Map<String, byte[]> libs = new LinkedHashMap<>();
        long total = 0;
        for (int copy = 0; total < TARGET_BYTES && copy < 50; copy++) {
            for (Path jar : classPathJars()) {
                byte[] bytes = Files.readAllBytes(jar);
                libs.put("copy" + copy + "-" + jar.getFileName(), bytes);
                total += bytes.length;
                if (total >= TARGET_BYTES) {
                    break;
                }
            }
        }
        Path fatJar = Fixtures.fatJar(temp.resolve("big.jar"), libs);
        BytecodeRouteScanner scanner = new BytecodeRouteScanner();
        scanner.scan(fatJar); // warm-up: class loading and JIT of the scanner itself

        long start = System.nanoTime();
        ExpectedRoutes routes = scanner.scan(fatJar);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("scanned %s (%d MB, %d nested jars) in %d ms%n", fatJar.getFileName(),
                Files.size(fatJar) >> 20, libs.size() + 2, millis);
        assertThat(Files.size(fatJar)).isGreaterThanOrEqualTo(TARGET_BYTES);
        assertThat(routes.routes()).hasSizeGreaterThan(40);
        // budget: well under 2 s on a developer machine; generous here because 2 cores are shared with builds
        assertThat(millis).isLessThan(6_000);
    }

    /** The jars of the test class path (surefire's, else java.class.path). */
    private static Set<Path> classPathJars() {
        Set<Path> jars = new LinkedHashSet<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.contains("surefire")) {
                jars.add(Path.of(entry));
            }
        }
        jars.addAll(Fixtures.springJars());
        return jars;
    }
}
