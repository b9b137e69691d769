package io.quarkus.resteasy.reactive.server.runtime;

/** Stands in for Quarkus REST's recorder, whose anonymous handlers sit on the root path's catch-all route. */
public final class ResteasyReactiveRecorder {

    /** @return an anonymous handler declared in this class, like Quarkus 3.27's {@code ResteasyReactiveRecorder$13} */
    public Runnable passThrough() {
        return new Runnable() {
            @Override
            public void run() {
            }
        };
    }
}
