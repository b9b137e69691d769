package dev.runtruth.collector.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scratch git repository holding two commits of the sample service: the old one without its {@code workflow}
 * module, and the new one that adds it. Commits are made with a fixed identity and date, so the same sources give
 * the same commit ids on every machine: a commit id names its sources exactly, and serves as the key of cached builds.
 */
final class SampleRepository {

    /** Where the feature the old build lacks lives, relative to the sample's root. */
    static final String WORKFLOW_DIR = "src/main/java/dev/runtruth/sample/backoffice/workflow";

    private final Path sample;
    private final Path repo;
    private final Processes processes;

    /**
     * @param sample    the sample service's sources ({@code samples/backoffice})
     * @param repo      where to create the scratch repository (deleted and recreated)
     * @param processes runs git
     */
    SampleRepository(Path sample, Path repo, Processes processes) {
        this.sample = sample;
        this.repo = repo;
        this.processes = processes;
    }

    /** @return the directory of the scratch repository */
    Path directory() {
        return repo;
    }

    /**
     * Recreates the repository and commits the old and the new version.
     *
     * @return the commit ids, old first
     */
    List<String> create() throws IOException, InterruptedException {
        deleteRecursively(repo);
        Files.createDirectories(repo);
        for (Path file : sourceFiles()) {
            if (!sample.relativize(file).startsWith(WORKFLOW_DIR)) {
                copy(file);
            }
        }
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "Back office 1.0: customers and orders");
        String old = git("rev-parse", "HEAD").trim();
        for (Path file : sourceFiles()) {
            copy(file);
        }
        git("add", "-A");
        git("commit", "-q", "-m", "Add the workflow module (GET /api/v1/workflows/steps/definitions)");
        String current = git("rev-parse", "HEAD").trim();
        return List.of(old, current);
    }

    /**
     * Puts branch {@code main} on a commit and checks it out, so the build sees exactly its files and records branch
     * {@code main} (a detached checkout would record the commit id as the branch).
     */
    void checkout(String commit) throws IOException, InterruptedException {
        git("checkout", "-q", "-B", "main", commit);
        git("clean", "-qfdx");
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Runtruth demo",
                "-c", "user.email=demo@runtruth.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        return processes.run(command, repo, List.of(
                "GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z"));
    }

    private List<Path> sourceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(sample)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !sample.relativize(f).startsWith("target"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }

    private void copy(Path file) throws IOException {
        Path target = repo.resolve(sample.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
