package dev.runtruth.collector.probe;

import dev.runtruth.model.Route;

/**
 * The probe of one expected route.
 *
 * @param route         the expected route
 * @param method        the method sent ({@code GET}, {@code HEAD} or {@code OPTIONS}); {@code null} when not probed
 * @param path          the request path sent, placeholders filled, relative to the base URL; {@code null} when not
 *                      probed
 * @param status        the HTTP status received, or {@code -1} when there was none
 * @param outcome       what the answer says about the route
 * @param evidence      one line: what in the answer led to the outcome (an {@code Allow} or {@code Location} header,
 *                      the cause of a failure); empty when the status says it all; never a request header
 */
public record ProbeResult(Route route, String method, String path, int status, ProbeOutcome outcome,
                          String evidence) {

    /** @return {@code METHOD PATH} as sent, e.g. {@code OPTIONS /api/v1/orders/1/cancel}, or {@code -} */
    public String request() {
        return method == null ? "-" : method + " " + path;
    }
}
