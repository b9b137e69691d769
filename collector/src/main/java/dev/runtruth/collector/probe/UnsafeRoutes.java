package dev.runtruth.collector.probe;

/**
 * What the probe does with a route whose method is not safe ({@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH}
 * and any other besides {@code GET}, {@code HEAD}, {@code OPTIONS}): the route's own method is never sent.
 */
public enum UnsafeRoutes {
    /** Send {@code OPTIONS} to the path and read the {@code Allow} header (the default). */
    OPTIONS,
    /** Send {@code HEAD} to the path: a 405 says the path is mapped for other methods. */
    HEAD,
    /** Send nothing: the route is reported as not probed. */
    SKIP
}
