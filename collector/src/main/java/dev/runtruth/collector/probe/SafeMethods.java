package dev.runtruth.collector.probe;

import java.util.Set;

/**
 * The only HTTP methods the probe ever sends: {@code GET}, {@code HEAD} and {@code OPTIONS}, the safe methods of RFC
 * 9110 section 9.2.1 that do not ask a server to change anything ({@code TRACE}, also safe, echoes the request,
 * credentials included, and is left out). Every request goes through {@link #require(String)} right before it is sent.
 */
final class SafeMethods {

    static final Set<String> ALLOWED = Set.of("GET", "HEAD", "OPTIONS");

    private SafeMethods() {
    }

    /**
     * @param method an HTTP method, upper case
     * @return {@code method}
     * @throws IllegalStateException when it is not one of {@link #ALLOWED}: a bug, the request must not go out
     */
    static String require(String method) {
        if (!ALLOWED.contains(method)) {
            throw new IllegalStateException("refusing to send " + method + ": the probe only sends GET, HEAD, OPTIONS");
        }
        return method;
    }
}
