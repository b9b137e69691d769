package dev.runtruth.collector.serve;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.RuntruthCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runtruth serve CONFIG}: watches services for drift and exports the result as Prometheus metrics until the
 * process is stopped (SIGTERM or SIGINT). {@code --check} validates the configuration and exits.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Watches services for drift and exports, on its own /metrics, their expected routes"
                    + " (runtruth_expected_route_info), expected commits, drift counts and the collector's health, for"
                    + " Prometheus alert rules and Grafana dashboards (docs/prometheus.md).",
            "CONFIG is a YAML file (docs/collector-serve.md): for each service, where its expected routes come from"
                    + " and where its running instances are read (a Prometheus server or agent URLs). Expected routes"
                    + " are re-read when their source changes. Runs until stopped."},
        footer = "%nExit codes:%n  0  stopped by a signal, or --check found the configuration valid%n"
                + "  2  bad configuration (one line naming the file and the key), or the port cannot be bound%n")
public final class ServeCommand extends RuntruthCommand {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The YAML configuration file.")
    private Path config;

    @Option(names = "--check", description = "Validate the configuration, print a summary and exit.")
    private boolean check;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        ServeConfig parsed = ServeConfigReader.read(config);
        if (check) {
            out.println(config + ": valid; " + parsed.services().size() + " services, /metrics on " + parsed.host()
                    + ":" + parsed.port() + ", every " + parsed.interval().toMillis() + " ms");
            return ExitCodes.OK;
        }
        ServeServer server;
        try {
            server = ServeServer.start(parsed, err);
        } catch (IOException e) {
            throw new InputException(parsed.host() + ":" + parsed.port(), "cannot listen: " + e.getMessage(), e);
        }
        out.println("runtruth serve: /metrics on http://" + parsed.host() + ":" + server.port() + "/metrics, "
                + parsed.services().size() + " services, every " + parsed.interval().toMillis() + " ms");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "runtruth-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCodes.OK;
    }
}
