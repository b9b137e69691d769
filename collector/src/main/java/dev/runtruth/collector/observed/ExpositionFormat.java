package dev.runtruth.collector.observed;

import java.util.Locale;

/**
 * The two Prometheus text exposition formats the collector reads: the Prometheus text format 0.0.4 (prometheus.io,
 * "Exposition formats") and OpenMetrics 1.0 text (OpenMetrics specification 1.0, {@code
 * application/openmetrics-text; version=1.0.0}).
 */
public enum ExpositionFormat {

    /** {@code text/plain; version=0.0.4}: blank lines and free comments allowed, timestamps in milliseconds. */
    PROMETHEUS_TEXT_0_0_4,

    /** {@code application/openmetrics-text}: single spaces, no blank lines, ends with {@code # EOF}. */
    OPENMETRICS_1_0;

    /**
     * @param contentType an HTTP {@code Content-Type} value, may be {@code null}
     * @return {@link #OPENMETRICS_1_0} for {@code application/openmetrics-text}, else {@link #PROMETHEUS_TEXT_0_0_4}
     */
    public static ExpositionFormat fromContentType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).trim()
                .startsWith("application/openmetrics-text") ? OPENMETRICS_1_0 : PROMETHEUS_TEXT_0_0_4;
    }
}
