package dev.runtruth.collector.probe;

import dev.runtruth.collector.HttpUrls;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.drift.ManagementEndpoints;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Sends one safe request per expected route to a live service and classifies the answers ({@link ProbeClassifier}).
 *
 * <p>Safety, by construction: every request passes {@link SafeMethods#require} (only {@code GET}, {@code HEAD},
 * {@code OPTIONS}); a route with another method gets a stand-in {@code OPTIONS} or {@code HEAD} or is not probed
 * ({@link UnsafeRoutes}); no request has a body; redirects are never followed (so none leads to another host); at
 * most {@link ProbeSettings#concurrency()} requests are in flight and at most {@link ProbeSettings#ratePerSecond()}
 * start per second; response bodies are not read; a management endpoint that dumps the service's state (heap, threads,
 * environment, ...: {@link ManagementEndpoints#STATE_DUMPS}) is never requested. Credential headers are sent as given
 * and appear in no result.
 */
public final class Prober {

    private final ProbeSettings settings;
    private final PathFiller filler;
    private final ServicePaths paths;

    /** @param settings limits, stand-in policy, placeholders and headers; actuator at Spring Boot's default path */
    public Prober(ProbeSettings settings) {
        this(settings, ServicePaths.DEFAULT);
    }

    /**
     * @param settings limits, stand-in policy, placeholders and headers
     * @param paths    where the service serves actuator: its state-dumping endpoints
     *                 ({@link ManagementEndpoints#stateDump}) are never requested
     */
    public Prober(ProbeSettings settings, ServicePaths paths) {
        this.settings = settings;
        this.filler = new PathFiller(settings.pathVariables());
        this.paths = paths;
    }

    /**
     * @param routes routes to probe
     * @param rules  the ignore rules ({@code --ignore}, the defaults for the service's paths)
     * @return the routes no rule matches, in the order given; probe and ladder request only these
     */
    public static List<Route> notIgnored(Collection<Route> routes, IgnoreRules rules) {
        return routes.stream().filter(r -> !rules.ignores(r)).toList();
    }

    /**
     * Checks and normalises a base URL: {@code http(s)://host[:port][/path]}, no query, no trailing {@code /}.
     *
     * @param url the service's base URL as the user gave it
     * @return the normalised URL
     * @throws InputException naming the URL when it is not such a URL
     */
    public static URI baseUri(String url) throws InputException {
        URI uri = HttpUrls.parse(url, "http://localhost:8080");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InputException(url, "a base URL has no query or fragment, e.g. http://localhost:8080");
        }
        String scheme = HttpUrls.scheme(uri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /**
     * Probes every route.
     *
     * @param base       the service's base URL ({@link #baseUri(String)}); route templates are appended to it, except
     *                   for a route of a separate listener ({@link Route#port()}), sent to that port of the same host
     * @param routes     the expected routes
     * @param registered the routes the running process registered (its agent's list), to tell the framework's 404 from
     *                   the application's; {@code null} when there is no agent
     * @return one result per route, in the order given
     */
    public List<ProbeResult> probe(URI base, Collection<Route> routes, Collection<Route> registered)
            throws InterruptedException {
        Set<String> paths = registered == null ? null
                : registered.stream().map(r -> PathTemplate.matchKey(r.template())).collect(Collectors.toSet());
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        RateLimiter limiter = new RateLimiter(settings.ratePerSecond());
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "runtruth-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (Route route : routes) {
                Boolean known = paths == null ? null : paths.contains(PathTemplate.matchKey(route.template()));
                futures.add(pool.submit(() -> probeOne(client, limiter, base, route, known)));
            }
            List<ProbeResult> results = new ArrayList<>();
            for (Future<ProbeResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("probe failed: " + e.getCause(), e.getCause());
                }
            }
            return ProbeClassifier.withServiceAnswering(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the method to send for a route, or {@code null} when it is not probed */
    String methodFor(Route route) {
        if ("grpc".equals(route.framework())) {
            return null;
        }
        String method = route.method();
        if (Route.ANY_METHOD.equals(method)) {
            return "GET";
        }
        if (SafeMethods.ALLOWED.contains(method)) {
            return method;
        }
        return switch (settings.unsafeRoutes()) {
            case OPTIONS -> "OPTIONS";
            case HEAD -> "HEAD";
            case SKIP -> null;
        };
    }

    private ProbeResult probeOne(HttpClient client, RateLimiter limiter, URI base, Route route, Boolean registered)
            throws InterruptedException {
        String dump = ManagementEndpoints.stateDump(route, paths);
        if (dump != null) {
            return new ProbeResult(route, null, null, -1, ProbeOutcome.NOT_PROBED, "a management endpoint ('" + dump
                    + "') that dumps the service's state or acts on it: never requested");
        }
        String method = methodFor(route);
        if (method == null) {
            return new ProbeResult(route, null, null, -1, ProbeOutcome.NOT_PROBED, "grpc".equals(route.framework())
                    ? "a gRPC method, not a plain HTTP route" : route.method() + " is not safe to send (--unsafe-routes skip)");
        }
        String path = filler.fill(route.template());
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(listenerBase(base, route) + path))
                    .timeout(settings.timeout())
                    .method(SafeMethods.require(method), HttpRequest.BodyPublishers.noBody())
                    .header("User-Agent", "runtruth-probe");
            for (SecretHeader header : settings.headers()) {
                builder.header(header.name(), header.value());
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // names the path or the header name; the JDK's message never contains a header value
            return new ProbeResult(route, method, path, -1, ProbeOutcome.NOT_PROBED, "cannot build the request: "
                    + e.getMessage());
        }
        limiter.acquire();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the status and headers are the evidence; the body is never read
            return ProbeClassifier.classify(route, method, path, response.statusCode(),
                    header(response, "Allow"), header(response, "Location"), registered);
        } catch (HttpConnectTimeoutException e) {
            return unreachable(route, method, path, "cannot connect within " + seconds());
        } catch (HttpTimeoutException e) {
            return unreachable(route, method, path, "no answer within " + seconds());
        } catch (ConnectException e) {
            return unreachable(route, method, path, HttpUrls.connectFailure(base, e));
        } catch (IOException e) {
            return unreachable(route, method, path, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /**
     * @param base  the service's base URL
     * @param route a route, possibly served on a separate listener ({@link Route#port()})
     * @return {@code base} for a route of the application's listener; for a route of a separate listener the same
     *         scheme and host on that listener's (first) port, without the base URL's path (the agent's routes are
     *         full paths on their own listener)
     */
    static URI listenerBase(URI base, Route route) {
        if (!route.onSeparateListener()) {
            return base;
        }
        String port = route.port().split(",")[0];
        return URI.create(base.getScheme() + "://" + base.getHost() + ":" + port); // getHost keeps IPv6 brackets
    }

    private static String header(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static ProbeResult unreachable(Route route, String method, String path, String why) {
        return new ProbeResult(route, method, path, -1, ProbeOutcome.UNREACHABLE, why);
    }

    private String seconds() {
        return settings.timeout().toMillis() / 1000.0 + " s";
    }
}
