package dev.runtruth.collector.attach;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The Runtruth agent inside a JVM that is serving now, found by its process id: loaded through the Attach API with
 * its endpoint on loopback, or the agent already there when an earlier attach (or {@code -javaagent}) put one in.
 * Every command that inspects a live process by its PID ({@code attach}, {@code ladder --pid}) goes through here.
 */
public final class LiveAgent {

    private LiveAgent() {
    }

    /**
     * The agent answering in the target.
     *
     * @param metrics    its metrics URL, on 127.0.0.1 where the agent listens on all interfaces
     * @param firstRead  its first complete answer
     * @param loadedNow  whether this call loaded it ({@code false}: an agent already ran there)
     */
    public record Attached(URI metrics, ObservedRoutes firstRead, boolean loadedNow) {
    }

    /**
     * Loads the agent into process {@code pid} (or finds the one already there) and waits for its first inventory.
     * A process of another user is refused first, in one line ({@link AgentAttacher#requireAttachableUser}). Prints on
     * {@code err} one line before it touches the process (what it loads, with which options) and one line
     * when an agent already ran there.
     *
     * @param pid      the target JVM's process id
     * @param agentJar the agent jar to load
     * @param port     the agent's port on 127.0.0.1; 0 for a free one
     * @param timeout  how long to wait for the first inventory (the first answer digests every jar: seconds on a
     *                 loaded machine)
     * @param err      where the progress lines go
     * @return the agent's URL and first answer
     * @throws InputException one line, as {@link AgentAttacher#load}, or when the endpoint does not answer in time
     */
    public static Attached attach(long pid, Path agentJar, int port, Duration timeout, PrintWriter err)
            throws InputException {
        AgentAttacher.requireAttachableUser(pid); // one line and nothing sent, before the "attaching" line
        int agentPort = port > 0 ? port : freePort();
        String options = "port=" + agentPort + ",host=127.0.0.1";
        err.println("runtruth: attaching " + agentJar + " to process " + pid + " (" + options + ")");
        err.flush();
        String running = AgentAttacher.load(pid, agentJar, options);
        URI metrics = URI.create(running == null ? "http://127.0.0.1:" + agentPort + "/metrics"
                : running.replace("://0.0.0.0:", "://127.0.0.1:"));
        if (running != null) {
            err.println("runtruth: a Runtruth agent already runs in process " + pid + " and serves " + running
                    + ": reading it, nothing loaded");
            err.flush();
        }
        return new Attached(metrics, await(metrics, timeout), running == null);
    }

    /** Polls the new endpoint: it opens once the target's class loading pauses. */
    private static ObservedRoutes await(URI metrics, Duration timeout) throws InputException {
        Instant deadline = Instant.now().plus(timeout);
        // the first scrape reads the whole classpath (a digest per jar): on a loaded machine that takes seconds
        long seconds = timeout.toSeconds();
        AgentScraper scraper = new AgentScraper(Duration.ofSeconds(Math.max(5, Math.min(30, seconds / 2))));
        InputException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return scraper.scrape(metrics);
            } catch (InputException e) {
                last = e;
            }
            try {
                Thread.sleep(250); // poll interval of the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputException(metrics.toString(), "interrupted", e);
            }
        }
        throw new InputException(metrics.toString(), "the agent loaded but its endpoint did not answer within "
                + seconds + " s (the process' stderr has its [runtruth] lines): "
                + (last == null ? "" : last.getMessage()));
    }

    private static int freePort() throws InputException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InputException("127.0.0.1", "no free port for the agent: " + e.getMessage(), e);
        }
    }
}
