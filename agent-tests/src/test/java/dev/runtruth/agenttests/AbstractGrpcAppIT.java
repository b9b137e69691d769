package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One gRPC app in its own JVM with the shaded agent attached, held against gRPC's own listing: a separate JVM runs a
 * gRPC server-reflection client ({@code grpc.reflection.v1}: {@code list_services}, then the file descriptors of
 * each service) against every server of the app and prints {@code POST /<package.Service>/<Method>} per method. One
 * subclass per grpc-java line and JDK.
 */
abstract class AbstractGrpcAppIT extends AbstractAgentScenarioIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private List<Integer> grpcPorts;

    /** @return the executable jar of the app: {@code serve <port>...} starts it, {@code reflect <host:port>...} lists */
    @Override
    abstract Path appJar();

    /** @return how many gRPC servers the app starts (one port each) */
    abstract int servers();

    /** @return the least number of methods the servers must list */
    abstract int minimumRoutes();

    /** @return methods that must be listed, e.g. the one registered after start in the fallback registry */
    abstract Set<Route> requiredRoutes();

    // the app serves gRPC only, on ports of its own: the HTTP port goes unused
    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        grpcPorts = new ArrayList<>();
        for (int i = 0; i < servers(); i++) {
            grpcPorts.add(TestJvm.freePort());
        }
        builder.args("serve").args(grpcPorts.stream().map(String::valueOf).toList());
    }

    @Override
    Set<Integer> servedPorts() {
        return Set.copyOf(grpcPorts);
    }

    @Override
    void awaitReady(AppUnderAgent app) {
        if (lateAttach()) {
            app.awaitStdoutLine("READY", START_TIMEOUT).awaitMetrics(START_TIMEOUT); // attach once it serves
        } else {
            app.awaitMetrics(START_TIMEOUT).awaitStdoutLine("READY", START_TIMEOUT);
        }
    }

    @Test
    void agentRoutesEqualServerReflection() throws IOException {
        Set<Route> truth = reflection();
        assertThat(truth).as("gRPC server reflection (sanity)").hasSizeGreaterThan(minimumRoutes())
                .containsAll(requiredRoutes());
        app().assertRoutesEqual("server reflection", truth, "runtruth_route_info", app().routes("grpc"));
    }

    /** Runs the app jar's reflection client against every server, in its own JVM. */
    private Set<Route> reflection() {
        String[] args = new String[grpcPorts.size() + 1];
        args[0] = "reflect";
        for (int i = 0; i < grpcPorts.size(); i++) {
            args[i + 1] = "127.0.0.1:" + grpcPorts.get(i);
        }
        OneShot run = OneShot.run(service() + "-reflect", Duration.ofSeconds(60), OneShot.javaJar(appJar(), args));
        List<String> lines = run.stdout().lines().toList();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(lines).as(run.describe()).endsWith("END");
        return lines.stream().filter(line -> line.startsWith("POST "))
                .map(line -> Route.of("POST", line.substring(5).trim(), "grpc", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
