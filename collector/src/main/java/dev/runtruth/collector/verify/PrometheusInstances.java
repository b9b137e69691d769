package dev.runtruth.collector.verify;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.serve.PrometheusApiSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances are what a Prometheus server scrapes for the service, read as {@code serve} reads them ({@link
 * PrometheusApiSource}: the Runtruth series of the selector, grouped by {@code job/instance}), plus the selected
 * targets whose last scrape failed ({@code up == 0}): an instance Prometheus cannot read is unreadable, not absent.
 */
final class PrometheusInstances implements InstanceSource {

    private final PrometheusApiSource source;
    private final String describe;

    /**
     * @param source the Prometheus server and selector
     * @param describe how the report names it, e.g. {@code Prometheus http://prom:9090 {job="billing-api"}}
     */
    PrometheusInstances(PrometheusApiSource source, String describe) {
        this.source = source;
        this.describe = describe;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The agent URL of an instance is {@code http://<instance label>/metrics}: under the convention of
     * docs/prometheus.md the scrape target is the agent.
     */
    @Override
    public Poll poll() throws InputException {
        Map<String, InstanceRead> byName = new LinkedHashMap<>();
        for (ObservedRoutes observed : source.instances()) {
            byName.put(observed.source(), InstanceRead.read(observed.source(), agentOf(observed.source()), observed));
        }
        for (ObservedRoutes down : source.downInstances()) {
            byName.put(down.source(), InstanceRead.unreadable(down.source(), agentOf(down.source()),
                    "Prometheus cannot scrape it (up == 0): the agent is down or unreachable"));
        }
        return new Poll(new ArrayList<>(byName.values()), null);
    }

    /** @return {@code http://<instance>/metrics} for a {@code job/instance} name, or {@code null} */
    private static URI agentOf(String jobInstance) {
        String instance = jobInstance.substring(jobInstance.indexOf('/') + 1);
        try {
            return instance.isEmpty() ? null : AgentScraper.metricsUri("http://" + instance);
        } catch (InputException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return describe;
    }
}
