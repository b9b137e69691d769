package dev.runtruth.collector.serve;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.ObservedRoutes;
import java.util.List;

/** Where the running instances of one service report their routes: a Prometheus server or the agents themselves. */
public interface ObservedSource {

    /**
     * @return one entry per running instance that reports at least one Runtruth series; its {@code source} is the
     *         instance's name (the Prometheus {@code instance} label, or the agent URL); empty when none reports
     * @throws InputException if the source cannot be read (unreachable, HTTP error, malformed answer)
     */
    List<ObservedRoutes> instances() throws InputException;

    /** @return the source as shown in logs, e.g. the Prometheus URL and selector */
    String describe();
}
