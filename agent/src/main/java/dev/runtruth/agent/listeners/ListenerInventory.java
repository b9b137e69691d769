package dev.runtruth.agent.listeners;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.ListenerState;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What this process listens on and whether a captured framework serves it: the agent's answer to "is there an HTTP
 * service here that no framework capture knows?". Read at scrape time, on the endpoint's thread, never on an
 * application thread; thread-safe.
 *
 * <p>The listening sockets ({@link ProcListeners}) are re-read at most every {@link #REFRESH_NANOS}; the ports of the
 * captured servers ({@link ServerPorts}) at every read, so a listener is never reported {@code unknown} for longer
 * than one refresh because of a stale attribution. Excluded ports ({@link ExcludedPorts} and the agent's own endpoint)
 * and the ports the JVM picked for JDWP and its local JMX connector ({@link JvmAgentPorts}) are not reported. A
 * listener still unknown {@link #WARN_AFTER_NANOS} after it was first seen unknown is logged once,
 * as a warning naming its port (the delay keeps a server that binds its port a moment before the capture can read it
 * from being logged).
 */
public final class ListenerInventory {

    /** The listening sockets are re-read at most this often. */
    public static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** A listener unknown for this long is logged. */
    static final long WARN_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One read: whether discovery works here, and each reported listener with its state. Immutable. */
    public static final class Snapshot {

        private final String unavailable;
        private final Map<Listener, ListenerState> listeners;

        /**
         * @param unavailable why discovery does not work here, or {@code null} when it does
         * @param listeners   each reported listener with its state, in the order to export
         */
        public Snapshot(String unavailable, Map<Listener, ListenerState> listeners) {
            this.unavailable = unavailable;
            this.listeners = Collections.unmodifiableMap(listeners);
        }

        /** @return whether the listening sockets of this process can be read here (Linux procfs) */
        public boolean available() {
            return unavailable == null;
        }

        /** @return why they cannot, or {@code null} when {@link #available()} */
        public String unavailableReason() {
            return unavailable;
        }

        /** @return each listener not excluded, ordered by port then address, with its state; empty when unavailable */
        public Map<Listener, ListenerState> listeners() {
            return listeners;
        }
    }

    private final ProcListeners proc;
    private final ServerPorts servers;
    private final ExcludedPorts excluded;
    private final JvmAgentPorts jvmPorts;
    private final IntSupplier agentPort;
    private final LongSupplier clock;
    private final Map<Integer, Long> unknownSince = new HashMap<Integer, Long>();
    private Set<Listener> listeners;
    private long readAt;
    private String unavailable;
    private Set<Integer> jvmExcluded = Collections.emptySet();

    ListenerInventory(ProcListeners proc, ServerPorts servers, ExcludedPorts excluded, JvmAgentPorts jvmPorts,
            IntSupplier agentPort, LongSupplier clock) {
        this.proc = proc;
        this.servers = servers;
        this.excluded = excluded;
        this.jvmPorts = jvmPorts;
        this.agentPort = agentPort;
        this.clock = clock;
    }

    /**
     * The inventory of this JVM. Reads the JVM's input arguments (for JDWP) once, here.
     *
     * @param ignorePorts the {@code ignore_ports} option: ports the user says are not HTTP
     * @param agentPort   the port the agent's endpoint is bound to, or 0 while it is not (read at every scrape)
     * @param instrumentation the agent's, to read the JVM's agent properties ({@link JvmAgentPorts}); may be
     *                    {@code null}
     * @return the inventory; never throws
     */
    public static ListenerInventory create(Set<Integer> ignorePorts, IntSupplier agentPort,
            Instrumentation instrumentation) {
        List<String> arguments = Collections.emptyList();
        try {
            arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (Throwable t) {
            // a runtime without java.management: JDWP listeners are found through sun.jdwp.listenerAddress only
        }
        ExcludedPorts excluded = ExcludedPorts.of(ignorePorts, System.getProperties(), arguments);
        AgentLog.debug("listeners: not reported " + excluded + " and the agent's own port");
        return new ListenerInventory(ProcListeners.self(), ServerPorts.captured(), excluded,
                new JvmAgentPorts(instrumentation), agentPort, System::nanoTime);
    }

    /** @return the listeners now (the sockets as of the last refresh), their states; never throws */
    public synchronized Snapshot read() {
        long now = clock.getAsLong();
        if (listeners == null || now - readAt >= REFRESH_NANOS) {
            refresh(now);
        }
        if (unavailable != null || listeners == null) {
            return new Snapshot(unavailable == null ? "the listening sockets could not be read" : unavailable,
                    Collections.<Listener, ListenerState>emptyMap());
        }
        Set<Integer> served = listeners.isEmpty() ? Collections.<Integer>emptySet() : servers.read();
        int own = agentPort.getAsInt();
        Map<Listener, ListenerState> states = new LinkedHashMap<Listener, ListenerState>();
        Set<Integer> unknownNow = new TreeSet<Integer>();
        for (Listener listener : listeners) {
            int port = listener.port();
            if (port == own || excluded.contains(port) || jvmExcluded.contains(port)) {
                continue;
            }
            ListenerState state = served.contains(port) ? ListenerState.SERVED : ListenerState.UNKNOWN;
            states.put(listener, state);
            if (state == ListenerState.UNKNOWN) {
                unknownNow.add(port);
            }
        }
        warnPersistentlyUnknown(unknownNow, now);
        return new Snapshot(null, states);
    }

    private void refresh(long now) {
        readAt = now;
        if (listeners == null && unavailable == null) {
            unavailable = proc.unavailable();
            if (unavailable != null) {
                AgentLog.warn("listeners.unavailable", "listener discovery is unavailable: " + unavailable
                        + "; the agent cannot tell whether this process serves HTTP on ports no framework it reads "
                        + "knows (runtruth_listener_discovery_available 0)");
                return;
            }
        }
        if (unavailable != null) {
            return;
        }
        try {
            listeners = proc.read();
            jvmExcluded = jvmPorts == null ? Collections.<Integer>emptySet() : jvmPorts.read();
        } catch (IOException | RuntimeException e) {
            // keep the last good answer; a first failure leaves the snapshot "unavailable" until one succeeds
            CaptureErrors.record("listeners.proc", "could not read the listening sockets from /proc", e);
        }
    }

    private void warnPersistentlyUnknown(Set<Integer> unknownNow, long now) {
        for (Iterator<Integer> it = unknownSince.keySet().iterator(); it.hasNext();) {
            if (!unknownNow.contains(it.next())) {
                it.remove(); // served now, or closed: its clock starts again if it comes back unknown
            }
        }
        for (Integer port : unknownNow) {
            Long since = unknownSince.get(port);
            if (since == null) {
                unknownSince.put(port, now);
            } else if (now - since >= WARN_AFTER_NANOS) {
                AgentLog.warn("listeners.unknown." + port, "port " + port + " accepts connections; no routes known "
                        + "there (no framework the agent reads serves it); if it is not HTTP, add ignore_ports="
                        + port);
            }
        }
    }
}
