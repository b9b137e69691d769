package dev.runtruth.collector.serve;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configuration of {@code runtruth serve}, read from one YAML file by {@link ServeConfigReader}; the format is
 * documented in {@code docs/collector-serve.md}.
 *
 * @param host     bind address of the collector's own {@code /metrics} endpoint
 * @param port     TCP port of that endpoint; 0 picks a free one
 * @param interval time between two comparisons of every service
 * @param timeout  connect and response timeout for every HTTP request to agents or Prometheus
 * @param services the services to watch, at least one, names unique
 */
public record ServeConfig(String host, int port, Duration interval, Duration timeout, List<Service> services) {

    /** Default port of the collector's {@code /metrics}: the agent's 7461 plus one. */
    public static final int DEFAULT_PORT = 7462;

    /** Copies the list. */
    public ServeConfig {
        services = List.copyOf(services);
    }

    /**
     * One watched service.
     *
     * @param name           the service name; the Prometheus {@code job} of its agents' scrape targets, and the
     *                       {@code service} label of every series the collector exports for it
     * @param expectedPath   build output or route manifest that declares the expected routes; re-read when it changes
     * @param expectedCommit the commit expected to run, or {@code null} to take it from the build output
     * @param pathPrefix     context path + servlet path the service runs under, or {@code null}
     * @param observed       where the running instances' routes come from
     * @param ignore         extra ignore rules ({@code [METHOD ]GLOB}) for unexpected routes
     * @param defaultIgnores whether the default ignore rules apply
     */
    public record Service(String name, Path expectedPath, String expectedCommit, String pathPrefix, Observed observed,
                          List<String> ignore, boolean defaultIgnores) {

        /** Copies the list. */
        public Service {
            ignore = List.copyOf(ignore);
        }
    }

    /**
     * Where observed routes come from: exactly one of a Prometheus server (queried with a selector) or agent URLs.
     *
     * @param prometheus base URL of a Prometheus server's HTTP API, or {@code null}
     * @param selector   PromQL label matchers in braces selecting the service's agent series, e.g.
     *                   {@code {job="billing-api"}}; set whenever {@code prometheus} is
     * @param agents     the agents' metrics URLs; empty when {@code prometheus} is set
     */
    public record Observed(URI prometheus, String selector, List<URI> agents) {

        /** Copies the list. */
        public Observed {
            agents = List.copyOf(agents);
        }
    }
}
