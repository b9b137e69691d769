package dev.runtruth.collector.ladder;

import dev.runtruth.collector.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit a git checkout has checked out, read with the {@code git} command ({@code rev-parse HEAD}), and whether
 * tracked files have uncommitted changes ({@code status --porcelain --untracked-files=no}).
 *
 * @param commit the full commit id of HEAD
 * @param dirty  whether tracked files differ from HEAD
 */
record GitHead(String commit, boolean dirty) {

    /**
     * @param repo a directory inside a git checkout
     * @return its HEAD
     * @throws InputException naming the directory when git is missing, it is not a checkout, or it has no commit
     */
    static GitHead of(Path repo) throws InputException {
        String commit = git(repo, "rev-parse", "--verify", "HEAD").trim();
        boolean dirty = !git(repo, "status", "--porcelain", "--untracked-files=no").isBlank();
        return new GitHead(commit, dirty);
    }

    private static String git(Path repo, String... args) throws InputException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new InputException(repo.toString(), "cannot run git: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new InputException(repo.toString(), "git " + args[0] + " did not finish in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new InputException(repo.toString(), "not a git checkout with a commit (git " + args[0] + ": "
                        + output.lines().findFirst().orElse("exit " + process.exitValue()) + ")");
            }
            return output;
        } catch (IOException e) {
            throw new InputException(repo.toString(), "cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(repo.toString(), "interrupted while running git", e);
        }
    }
}
