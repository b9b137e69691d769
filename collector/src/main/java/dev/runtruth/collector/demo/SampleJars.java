package dev.runtruth.collector.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the demo's two sample commits ({@link SampleBuilds}) without running anything, for tests that deploy them
 * themselves (agent-tests' {@code PrometheusAlertsIT}):
 * {@code java -cp runtruth-collector.jar dev.runtruth.collector.demo.SampleJars <runtruth-home> <workdir>}.
 * Prints {@code old=<commit> <jar>} and {@code new=<commit> <jar>} on stdout; builds are cached in the work directory
 * under their commit id, shared with {@code runtruth demo --workdir} on the same directory. Exits 2 with one line on
 * stderr when git or the build fails.
 */
public final class SampleJars {

    private SampleJars() {
    }

    /**
     * @param args the Runtruth checkout (holds {@code mvnw} and {@code samples/backoffice}) and the work directory
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: SampleJars <runtruth-home> <workdir>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of(args[1]).toAbsolutePath().normalize());
        SampleBuilds builds = new SampleBuilds(home, work, new Processes());
        try {
            List<String> commits = builds.commits();
            for (String commit : commits) {
                builds.build(commit, System.err::println);
            }
            System.out.println("old=" + commits.get(0) + " " + builds.jar(commits.get(0)));
            System.out.println("new=" + commits.get(1) + " " + builds.jar(commits.get(1)));
        } catch (DemoException e) {
            System.err.println("SampleJars: " + e.getMessage());
            System.exit(2);
        }
    }
}
