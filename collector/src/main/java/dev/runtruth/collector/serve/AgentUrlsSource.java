package dev.runtruth.collector.serve;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed routes scraped from each agent's metrics endpoint directly ({@link AgentScraper}). An agent that cannot be
 * scraped fails the whole source: with direct URLs there is no other way to tell a stopped instance from a gone one.
 */
final class AgentUrlsSource implements ObservedSource {

    private final List<URI> agents;
    private final AgentScraper scraper;

    /**
     * @param agents  the agents' metrics URLs
     * @param timeout connect and response timeout per agent
     */
    AgentUrlsSource(List<URI> agents, Duration timeout) {
        this.agents = List.copyOf(agents);
        this.scraper = new AgentScraper(timeout);
    }

    @Override
    public List<ObservedRoutes> instances() throws InputException {
        List<ObservedRoutes> list = new ArrayList<>();
        for (URI agent : agents) {
            list.add(scraper.scrape(agent));
        }
        return list;
    }

    @Override
    public String describe() {
        return "agents " + agents;
    }
}
