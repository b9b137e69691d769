package dev.runtruth.collector.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two commits of the sample service and their builds, made with the project's Maven wrapper. Commit ids are
 * deterministic ({@link SampleRepository}), so a jar named after a commit id is that commit's build and is reused.
 */
final class SampleBuilds {

    private final Path projectRoot;
    private final Path workDir;
    private final SampleRepository repo;
    private final Processes processes;

    /**
     * @param projectRoot the Runtruth checkout (holds {@code mvnw} and {@code samples/backoffice})
     * @param workDir     the demo's scratch directory
     * @param processes   runs git and Maven
     */
    SampleBuilds(Path projectRoot, Path workDir, Processes processes) {
        this.projectRoot = projectRoot;
        this.workDir = workDir;
        this.processes = processes;
        this.repo = new SampleRepository(projectRoot.resolve("samples/backoffice"), workDir.resolve("backoffice"),
                processes);
    }

    /** @return the old and the new commit id of the freshly created scratch repository */
    List<String> commits() throws IOException, InterruptedException {
        return repo.create();
    }

    /** @return the directory of the scratch repository */
    Path repository() {
        return repo.directory();
    }

    /** Checks out a commit in the scratch repository (branch {@code main}), so its HEAD is that commit. */
    void checkout(String commit) throws IOException, InterruptedException {
        repo.checkout(commit);
    }

    /** @return where the build of a commit is kept */
    Path jar(String commit) {
        return workDir.resolve("backoffice-" + commit.substring(0, 7) + ".jar");
    }

    /**
     * Builds a commit unless its jar exists already.
     *
     * @param commit   a commit of {@link #commits()}
     * @param progress receives a line before a build starts
     * @return seconds the build took, or -1 when the jar was reused
     */
    double build(String commit, Consumer<String> progress) throws IOException, InterruptedException {
        Path jar = jar(commit);
        if (Files.isRegularFile(jar)) {
            return -1;
        }
        repo.checkout(commit);
        long started = System.nanoTime();
        progress.accept("building " + commit.substring(0, 7) + " with ./mvnw package (half a minute or so)...");
        processes.run(List.of(projectRoot.resolve("mvnw").toString(), "-B", "-q", "-DskipTests",
                "-f", repo.directory().resolve("pom.xml").toString(), "package"), projectRoot, List.of());
        Path tmp = Files.createTempFile(workDir, "backoffice", ".jar.tmp");
        Files.copy(repo.directory().resolve("target/backoffice.jar"), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return (System.nanoTime() - started) / 1e9;
    }
}
