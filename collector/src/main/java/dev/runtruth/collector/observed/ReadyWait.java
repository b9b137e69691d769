package dev.runtruth.collector.observed;

import dev.runtruth.collector.InputException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * The scrape every command that reads one agent goes through ({@code check}, {@code ladder}, {@code probe}): an agent
 * that says its application is still starting ({@link Coverage#starting()}) is asked again every
 * {@link #POLL_MILLIS} ms until it is not, or until the wait is over, with a progress line on stderr. What a command
 * does with an agent still starting after the wait: {@link #notReadyLine}, exit code 4 (cannot tell), never a route
 * reported missing.
 */
public final class ReadyWait {

    /** Default wait, seconds: a Spring Boot application on a small machine starts within a minute. */
    public static final int DEFAULT_SECONDS = 60;

    /** Between two scrapes of a starting agent, milliseconds. */
    static final long POLL_MILLIS = 500;

    /** Between two progress lines, milliseconds. */
    static final long PROGRESS_MILLIS = 10_000;

    private ReadyWait() {
    }

    /**
     * Scrapes {@code url}; while the agent says the application is still starting and {@code wait} is not over,
     * scrapes again.
     *
     * @param scraper the scraper (its timeout applies to each scrape)
     * @param url     the metrics URL
     * @param wait    the longest wait; zero scrapes once
     * @param err     progress lines ({@code runtruth: waiting for ...}); flushed
     * @return the last answer: {@link Coverage#starting()} is still true when the wait ran out
     * @throws InputException as {@link AgentScraper#scrape(URI)}, or when interrupted
     */
    public static ObservedRoutes scrape(AgentScraper scraper, URI url, Duration wait, PrintWriter err)
            throws InputException {
        long start = System.nanoTime();
        long deadline = start + wait.toNanos();
        long nextProgress = start;
        ObservedRoutes observed = scraper.scrape(url);
        while (observed.coverage().starting() && System.nanoTime() - deadline < 0) {
            long now = System.nanoTime();
            if (now - nextProgress >= 0) {
                long waited = (now - start) / 1_000_000_000L;
                err.println("runtruth: " + url + " says the application is still starting ("
                        + reason(observed) + "); waiting for it" + (waited == 0 ? "" : ", " + waited + " s so far")
                        + ", at most " + wait.toSeconds() + " s (--wait)");
                err.flush();
                nextProgress = now + PROGRESS_MILLIS * 1_000_000L;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputException(url.toString(), "interrupted while waiting for the application to start", e);
            }
            observed = scraper.scrape(url);
        }
        return observed;
    }

    /**
     * @param observed an answer whose application is still starting
     * @param wait     how long was waited
     * @return the one-line answer, starting with {@code NOT READY:}
     */
    public static String notReadyLine(ObservedRoutes observed, Duration wait) {
        return "NOT READY: " + observed.source() + " says the application is still starting after "
                + wait.toSeconds() + " s (" + reason(observed) + "); its route list is not complete, so no route is"
                + " reported missing. Run again once it has started, or give a longer --wait.";
    }

    private static String reason(ObservedRoutes observed) {
        String reason = observed.coverage().inventoryReason();
        return reason.isEmpty() ? "runtruth_inventory_info state starting" : reason;
    }
}
