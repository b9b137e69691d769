package dev.runtruth.collector.check;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.cli.ManifestVersion;
import dev.runtruth.collector.cli.ProfileOption;
import dev.runtruth.collector.cli.RuntruthCommand;
import dev.runtruth.collector.drift.SourceAgreement;
import dev.runtruth.collector.drift.SourceAgreementPrinter;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSources;
import dev.runtruth.collector.expected.ExpectedRoutesPrinter;
import dev.runtruth.collector.expected.RouteManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runtruth expected PATH [--json]}: the routes a build output declares. */
@Command(name = "expected",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Lists the routes a build output declares (Spring MVC and WebFlux controllers, JAX-RS resources, Micronaut"
                    + " controllers, gRPC services), read from its class files (nothing is loaded or run), and the"
                    + " commit it was built from (git.properties, META-INF/build-info.properties). Routes built in code"
                    + " (Javalin, Vert.x Web, functional endpoints, RouteBuilders) are named in 'note:' lines on stderr.",
            "PATH is a classes directory, a class file, a jar, a Spring Boot fat jar or a war. Bad classes and"
                    + " nested jars are reported on stderr and skipped."},
        footer = ExitCodes.FOOTER)
public final class ExpectedCommand extends RuntruthCommand {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Build output (classes directory, class file,"
            + " jar, Spring Boot fat jar or war), route manifest (expected --json, agent dump=) or OpenAPI 3.0/3.1 or"
            + " Swagger 2.0 document (YAML or JSON). Several: their routes merged, and which input declares each.")
    private List<Path> paths = new ArrayList<>();

    @Mixin
    private ProfileOption profile;

    @Option(names = "--json", description = "Print the route manifest (" + RouteManifest.FORMAT + ") as JSON, which"
            + " 'check --expected' accepts in place of the build output.")
    private boolean json;

    @Override
    protected int execute(PrintWriter out, PrintWriter err) throws InputException {
        ExpectedSources sources = ExpectedSources.load(paths, profile.profiles());
        ExpectedRoutes routes = sources.combined();
        warn(err, routes.warnings());
        routes.notes().forEach(n -> err.println("runtruth: note: " + n));
        if (json) {
            try {
                RouteManifest.write(routes, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            if (sources.sources().size() > 1) {
                SourceAgreementPrinter.print(sources, SourceAgreement.of(sources), out);
            }
            ExpectedRoutesPrinter.print(routes, out);
        }
        if (routes.routes().isEmpty() && routes.hasCodeBuiltRoutes()) {
            err.println("runtruth: cannot tell: no route could be read from the input, and it holds routes Runtruth"
                    + " cannot read from a build (notes above); the agent reports them from the running service");
            err.flush();
            return ExitCodes.CANNOT_TELL;
        }
        return ExitCodes.OK;
    }
}
