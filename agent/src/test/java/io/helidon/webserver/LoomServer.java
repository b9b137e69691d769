package io.helidon.webserver;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test fixture: the shape of helidon-webserver 4.5's {@code LoomServer} the agent reads ({@code listeners},
 * {@code isRunning()}, {@code port(String)}) and of its shutdown handler, which shares the server's listeners map and
 * running flag.
 */
public class LoomServer {

    private final Map<String, Object> listeners;
    private final AtomicBoolean running;

    public LoomServer(Map<String, Object> listeners, AtomicBoolean running) {
        this.listeners = listeners;
        this.running = running;
    }

    public boolean isRunning() {
        return running.get();
    }

    public int port(String socket) {
        return 1;
    }

    /** What a started server registers with {@code io.helidon.Main}. */
    public ServerShutdownHandler shutdownHandler() {
        return new ServerShutdownHandler(listeners, running);
    }

    /** The fixture of {@code LoomServer$ServerShutdownHandler}: no {@code isRunning()}, only the fields. */
    public static final class ServerShutdownHandler {

        private final Map<String, Object> listeners;
        private final AtomicBoolean running;

        ServerShutdownHandler(Map<String, Object> listeners, AtomicBoolean running) {
            this.listeners = listeners;
            this.running = running;
        }
    }
}
