package dev.runtruth.collector.verify;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.observed.AgentScraper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The instances are the agents at the URLs given ({@code --agent}, repeated), each scraped directly. */
final class AgentUrlInstances implements InstanceSource {

    private final List<URI> agents;
    private final AgentScraper scraper;

    /**
     * @param agents  the agents' metrics URLs ({@link AgentScraper#metricsUri})
     * @param scraper reads one agent
     */
    AgentUrlInstances(List<URI> agents, AgentScraper scraper) {
        this.agents = List.copyOf(agents);
        this.scraper = scraper;
    }

    @Override
    public Poll poll() {
        List<InstanceRead> reads = new ArrayList<>();
        for (URI agent : agents) {
            reads.add(scrape(scraper, agent.toString(), agent));
        }
        return new Poll(reads, null);
    }

    /**
     * @return the agent's routes, or the one-line reason it could not be read (refused, timed out, not Prometheus
     *         text), without the URL the message would start with
     */
    static InstanceRead scrape(AgentScraper scraper, String name, URI agent) {
        try {
            return InstanceRead.read(name, agent, scraper.scrape(agent));
        } catch (InputException e) {
            String problem = e.getMessage();
            String prefix = agent + ": ";
            return InstanceRead.unreadable(name, agent, problem.startsWith(prefix)
                    ? problem.substring(prefix.length()) : problem);
        }
    }

    @Override
    public String describe() {
        return agents.size() + " agent URL" + (agents.size() == 1 ? "" : "s");
    }
}
