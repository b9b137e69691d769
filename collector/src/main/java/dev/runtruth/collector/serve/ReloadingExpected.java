package dev.runtruth.collector.serve;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.ExpectedRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The expected routes of one service, re-read when their source changes. A change is any difference in the source's
 * fingerprint: size and modification time of a file, or file count, total size and latest modification time of the
 * files under a directory. A deploy pipeline that replaces the jar (or rewrites the manifest) is picked up at the next
 * comparison. Not thread-safe: one comparison loop owns it.
 */
final class ReloadingExpected {

    private final ServeConfig.Service service;
    private String fingerprint;
    private ExpectedRoutes routes;
    private boolean reloaded;

    /** @param service the service whose {@code expected} settings say where the routes come from */
    ReloadingExpected(ServeConfig.Service service) {
        this.service = service;
    }

    /**
     * @return the expected routes, path prefix applied, commit overridden when the configuration names one; read
     *         again when the source changed since the last call
     * @throws InputException if the source is missing or cannot be read; the last good routes are kept for the next
     *                        call, which tries again
     */
    ExpectedRoutes get() throws InputException {
        String now = fingerprint(service.expectedPath());
        reloaded = false;
        if (routes == null || !now.equals(fingerprint)) {
            ExpectedRoutes loaded = ExpectedRoutes.load(service.expectedPath()).withPathPrefix(service.pathPrefix());
            if (service.expectedCommit() != null) {
                BuildIdentity b = loaded.build();
                loaded = new ExpectedRoutes(loaded.source(), new BuildIdentity(b.service(), b.version(),
                        service.expectedCommit(), b.branch(), b.buildTime()), loaded.routes(), loaded.warnings(),
                        loaded.notes(), loaded.paths());
            }
            routes = loaded;
            fingerprint = now;
            reloaded = true;
        }
        return routes;
    }

    /** @return whether the last {@link #get()} read the source (first call or a change) */
    boolean reloaded() {
        return reloaded;
    }

    private static String fingerprint(Path path) throws InputException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isDirectory()) {
                return attrs.size() + "@" + attrs.lastModifiedTime().toMillis();
            }
            long[] sum = new long[3];
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        sum[0]++;
                        sum[1] += a.size();
                        sum[2] = Math.max(sum[2], a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return sum[0] + "/" + sum[1] + "@" + sum[2];
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(path.toString(), "cannot read the expected routes' source: " + e.getMessage(), e);
        }
    }
}
