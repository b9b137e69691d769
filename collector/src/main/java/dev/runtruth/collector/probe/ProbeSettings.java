package dev.runtruth.collector.probe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to probe: limits and what to send. Defaults ({@link #defaults()}): 4 requests at a time, at most 10 requests
 * per second, 5 s to connect and 5 s for an answer, unsafe routes probed with {@code OPTIONS}, no headers.
 *
 * @param concurrency     most requests in flight at once, at least 1
 * @param ratePerSecond   most requests started per second, greater than 0
 * @param timeout         connect timeout, and again the time allowed for the response headers
 * @param unsafeRoutes    what to do with routes whose method is not safe
 * @param pathVariables   placeholder per path variable name (see {@link PathFiller})
 * @param headers         credential headers sent on every request (see {@link SecretHeader})
 */
public record ProbeSettings(int concurrency, double ratePerSecond, Duration timeout, UnsafeRoutes unsafeRoutes,
                            Map<String, String> pathVariables, List<SecretHeader> headers) {

    /** Validates and copies. */
    public ProbeSettings {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be 1 to 64, not " + concurrency);
        }
        if (!(ratePerSecond > 0) || ratePerSecond > 1000) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1000 per second, not "
                    + ratePerSecond);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        pathVariables = Map.copyOf(pathVariables);
        headers = List.copyOf(headers);
    }

    /** @return the defaults described above */
    public static ProbeSettings defaults() {
        return new ProbeSettings(4, 10, Duration.ofSeconds(5), UnsafeRoutes.OPTIONS, Map.of(), List.of());
    }

    /**
     * @param credentials the headers to send
     * @return these settings with {@code headers} replaced
     */
    public ProbeSettings withHeaders(List<SecretHeader> credentials) {
        return new ProbeSettings(concurrency, ratePerSecond, timeout, unsafeRoutes, pathVariables, credentials);
    }
}
