package dev.runtruth.agent.export;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One scrape as client_java's scrape handler sees it, with the protobuf format removed from {@code Accept}.
 *
 * <p>The agent ships client_java's text formats only ({@code prometheus-metrics-exposition-textformats}, without the
 * 1.7 MB protobuf runtime). In client_java 1.8.0 {@code ExpositionFormats.findWriter} still picks the protobuf writer
 * when the scraper accepts it, and that writer then fails with "Prometheus protobuf writer not available", a 500 and a
 * failed scrape. A Prometheus with native histograms enabled lists {@code application/vnd.google.protobuf} first in its
 * {@code Accept}, followed by the text formats it also takes; dropping the protobuf entries lets client_java choose
 * among those (OpenMetrics or the Prometheus text format), as for every other scraper.
 */
final class TextFormatExchange implements PrometheusHttpExchange {

    /** The media type of the protobuf exposition format (client_java {@code PrometheusProtobufWriter.CONTENT_TYPE}). */
    static final String PROTOBUF = "application/vnd.google.protobuf";

    private final PrometheusHttpExchange delegate;
    private final PrometheusHttpRequest request;

    TextFormatExchange(PrometheusHttpExchange delegate) {
        this.delegate = delegate;
        this.request = new TextFormatRequest(delegate.getRequest());
    }

    /**
     * @param accept an {@code Accept} header value (RFC 9110 section 12.5.1), may be {@code null}
     * @return the same list without its protobuf entries; {@code null} when nothing else was accepted (client_java then
     *         answers in the Prometheus text format)
     */
    static String withoutProtobuf(String accept) {
        if (accept == null || !accept.contains(PROTOBUF)) {
            return accept;
        }
        StringBuilder kept = new StringBuilder();
        for (String range : accept.split(",")) {
            if (!range.contains(PROTOBUF)) {
                kept.append(kept.length() == 0 ? "" : ",").append(range.trim());
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return request;
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public void handleException(IOException e) throws IOException {
        delegate.handleException(e);
    }

    @Override
    public void handleException(RuntimeException e) {
        delegate.handleException(e);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The request with {@code Accept} rewritten by {@link #withoutProtobuf(String)}; everything else as sent. */
    private static final class TextFormatRequest implements PrometheusHttpRequest {

        private final PrometheusHttpRequest delegate;

        TextFormatRequest(PrometheusHttpRequest delegate) {
            this.delegate = delegate;
        }

        @Override
        public String getQueryString() {
            return delegate.getQueryString();
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            Enumeration<String> values = delegate.getHeaders(name);
            if (values == null || !"accept".equalsIgnoreCase(name)) {
                return values;
            }
            List<String> kept = new ArrayList<>();
            while (values.hasMoreElements()) {
                String value = withoutProtobuf(values.nextElement());
                if (value != null) {
                    kept.add(value);
                }
            }
            return Collections.enumeration(kept);
        }

        @Override
        public String getMethod() {
            return delegate.getMethod();
        }

        @Override
        public String getRequestPath() {
            return delegate.getRequestPath();
        }
    }
}
