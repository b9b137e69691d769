package dev.runtruth.agent.export;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.classpath.ApplicationBuild;
import dev.runtruth.agent.classpath.ClasspathEntry;
import dev.runtruth.model.Route;
import dev.runtruth.model.RouteManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code dump=PATH} option: writes what the agent captured (routes, build identity, classpath) as a route manifest
 * ({@link RouteManifestWriter}, format {@code runtruth-manifest/1}, {@code docs/manifest.md}) so a CI job that starts
 * the freshly built artifact records the expected routes from the artifact itself, programmatic routes included.
 *
 * <p>A daemon thread compares the manifest with the last one written every {@link #INTERVAL_MILLIS} ms and rewrites the
 * file only when it changed (and once more at JVM shutdown); never on a request thread. Each write goes to a temporary
 * file in the target's directory, then replaces the target with an atomic move, so a reader sees the old manifest or
 * the new one, never half of one. A failing write is logged once ({@code [runtruth] WARN}) and retried at the next
 * change; it never affects the application.
 */
public final class ManifestDump {

    /** How often the routes are compared with the last manifest written, in milliseconds. */
    public static final long INTERVAL_MILLIS = 2000;

    private final Path target;
    private final Supplier<List<Route>> routes;
    private final Supplier<ApplicationBuild> identity;
    private final Supplier<String> service;
    private final Supplier<List<ClasspathEntry>> classpath;
    private final String recordedBy;
    private String lastWritten;

    /**
     * @param target     the manifest file; its directory must exist
     * @param routes     the routes captured now
     * @param identity   the application's build identity
     * @param service    the service name
     * @param classpath  the loaded classpath entries
     * @param recordedBy written as {@code recordedBy}, e.g. {@code runtruth-agent 0.1.0}
     */
    public ManifestDump(Path target, Supplier<List<Route>> routes, Supplier<ApplicationBuild> identity,
            Supplier<String> service, Supplier<List<ClasspathEntry>> classpath, String recordedBy) {
        this.target = target.toAbsolutePath();
        this.routes = routes;
        this.identity = identity;
        this.service = service;
        this.classpath = classpath;
        this.recordedBy = recordedBy;
    }

    /**
     * Starts the daemon thread and the shutdown hook.
     *
     * @param path the {@code dump} option
     * @param dump what to write
     */
    public static void start(String path, final ManifestDump dump) {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                while (true) {
                    dump.writeIfChanged();
                    try {
                        TimeUnit.MILLISECONDS.sleep(INTERVAL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "runtruth-manifest-dump");
        thread.setDaemon(true);
        thread.start();
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                dump.writeIfChanged();
            }
        }, "runtruth-manifest-dump-exit"));
        AgentLog.debug("writing the route manifest to " + Paths.get(path).toAbsolutePath());
    }

    /** @return the manifest JSON for the current state */
    String manifest() {
        ApplicationBuild id = identity.get();
        RouteManifestWriter writer = new RouteManifestWriter()
                .build(service.get(), id.version(), id.commit(), id.branch(), id.buildTime())
                .source(id.mainJarName().isEmpty() ? "running JVM" : "running JVM of " + id.mainJarName())
                .recordedBy(recordedBy)
                .routes(routes.get());
        for (ClasspathEntry entry : classpath.get()) {
            writer.jar(entry.name(), entry.version(), entry.sha256(), entry.location(), entry.kind());
        }
        return writer.toJson() + "\n";
    }

    /** Writes the manifest when it differs from the last one written; never throws. */
    synchronized void writeIfChanged() {
        try {
            String json = manifest();
            if (json.equals(lastWritten)) {
                return;
            }
            writeAtomically(json);
            lastWritten = json;
        } catch (Throwable t) {
            AgentLog.warn("dump", "cannot write the route manifest to " + target + ": " + t);
        }
    }

    private void writeAtomically(String json) throws IOException {
        Path directory = target.getParent();
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, json.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
