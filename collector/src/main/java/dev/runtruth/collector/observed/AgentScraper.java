package dev.runtruth.collector.observed;

import dev.runtruth.collector.HttpUrls;
import dev.runtruth.collector.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the routes a running service serves from its Runtruth agent's metrics endpoint: one HTTP GET with {@code
 * Accept: text/plain;version=0.0.4}, the body parsed as Prometheus text 0.0.4 or, when the server answers {@code
 * application/openmetrics-text}, as OpenMetrics 1.0 text.
 *
 * <p>Thread-safe; reuse one instance for several scrapes.
 */
public final class AgentScraper {

    /** Default connect and response timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Largest answer read, in bytes: 32 MiB. An agent at its default caps (10,000 routes, 2,000 jars) answers about
     * 5 MiB; more means something else answers on that port, and reading stops there.
     */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** The {@code Accept} header sent: the Prometheus text format 0.0.4, which client_java serves as is. */
    static final String ACCEPT = "text/plain;version=0.0.4";

    private final Duration timeout;
    private final HttpClient client;

    /** Creates a scraper with {@link #DEFAULT_TIMEOUT}. */
    public AgentScraper() {
        this(DEFAULT_TIMEOUT);
    }

    /** @param timeout connect timeout, and again the time allowed for the whole response */
    public AgentScraper(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Turns what a user types into the metrics URL: {@code http://host:port} and {@code http://host:port/} become
     * {@code http://host:port/metrics}; any other path is kept.
     *
     * @param url an {@code http} or {@code https} URL
     * @return the metrics URL
     * @throws InputException if {@code url} is not an absolute http(s) URL with a host
     */
    public static URI metricsUri(String url) throws InputException {
        URI uri = HttpUrls.parse(url, "http://localhost:7461");
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")) {
            return uri.resolve("/metrics");
        }
        return uri;
    }

    /**
     * Scrapes an agent.
     *
     * @param url the metrics URL (see {@link #metricsUri(String)})
     * @return the served routes, the running build and the agent version
     * @throws InputException if the URL cannot be reached (refused, unknown host, timeout), answers a status other
     *                        than 200, answers something that is not Prometheus text, or text without runtruth metrics
     */
    public ObservedRoutes scrape(URI url) throws InputException {
        String source = url.toString();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", ACCEPT).GET().build();
        HttpResponse<InputStream> response;
        String body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InputException(source, "HTTP status " + response.statusCode() + " (expected 200)");
                }
                byte[] bytes = readBody(in, source);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new InputException(source, "answer larger than " + MAX_BODY_BYTES / (1024 * 1024)
                            + " MiB; not read further (is this a Runtruth agent?)");
                }
                body = utf8(bytes, source);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new InputException(source, "cannot connect: timed out after " + seconds(), e);
        } catch (HttpTimeoutException e) {
            throw new InputException(source, "no response within " + seconds(), e);
        } catch (ConnectException e) {
            String why = HttpUrls.connectFailure(url, e);
            throw new InputException(source, why.startsWith("cannot resolve") ? why
                    : "cannot connect: " + why + " (is the agent listening there?)", e);
        } catch (IOException e) {
            throw new InputException(source, "cannot fetch: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(source, "interrupted while fetching", e);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "cannot fetch: " + describe(e), e);
        }
        return parse(body, response.headers().firstValue("Content-Type").orElse(null), source);
    }

    /**
     * Parses an exposition already fetched (or read from a file).
     *
     * @param body        the exposition text
     * @param contentType its content type, selects the format ({@link ExpositionFormat#fromContentType}); may be null
     * @param source      names the input in the result and in errors
     * @return the served routes, the running build and the agent version
     * @throws InputException if the body is not Prometheus text in that format or has no runtruth metrics
     */
    public static ObservedRoutes parse(String body, String contentType, String source) throws InputException {
        ExpositionFormat format = ExpositionFormat.fromContentType(contentType);
        List<PrometheusTextParser.Sample> samples;
        try {
            samples = PrometheusTextParser.parse(body, format);
        } catch (PrometheusTextParser.ParseException e) {
            String type = contentType == null ? "no content type" : "content type " + contentType;
            throw new InputException(source, "not Prometheus text exposition format (" + type + "): "
                    + e.getMessage(), e);
        }
        return AgentSamples.toObservedRoutes(samples, source);
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES} + 1 bytes, within the timeout: the client's request timeout ends when the
     * headers arrive, so a server that trickles its body would otherwise hold the scrape forever.
     */
    private byte[] readBody(InputStream in, String source) throws IOException, InterruptedException,
            InputException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(MAX_BODY_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            in.close(); // cancels the exchange; the reading thread ends with an IOException
            throw new InputException(source, "answer not complete within " + seconds(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException) {
                throw ((UncheckedIOException) cause).getCause();
            }
            throw new IOException(cause);
        }
    }

    /**
     * Decodes strictly: both exposition formats are UTF-8 (Prometheus text format 0.0.4, OpenMetrics 1.0 "Overall
     * Structure"), and a lenient decode would turn a bad byte into U+FFFD inside a route, a silent false drift.
     */
    private static String utf8(byte[] bytes, String source) throws InputException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source, "not UTF-8 text (the exposition formats are UTF-8): invalid bytes at"
                    + " byte offset " + in.position(), e);
        }
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage().lines().findFirst().orElse("");
    }
}
