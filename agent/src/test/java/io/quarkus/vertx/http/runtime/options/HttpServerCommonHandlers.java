package io.quarkus.vertx.http.runtime.options;

/** Stands in for Quarkus HTTP's common handlers, whose anonymous handlers sit on path-less routes of its router. */
public final class HttpServerCommonHandlers {

    private HttpServerCommonHandlers() {
    }

    /** @return an anonymous handler declared in this class, like Quarkus 3.27's {@code enforceMaxBodySize} ({@code $1}) */
    public static Runnable enforceMaxBodySize() {
        return new Runnable() {
            @Override
            public void run() {
            }
        };
    }
}
