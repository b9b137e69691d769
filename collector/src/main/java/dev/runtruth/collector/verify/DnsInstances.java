package dev.runtruth.collector.verify;

import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.Coverage;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The instances are the addresses a DNS name resolves to (its A and AAAA records, as a Kubernetes headless Service
 * publishes one per ready pod), resolved again on every poll; each address's agent listens on the same port and is
 * scraped at {@code http://address:port/metrics}.
 */
final class DnsInstances implements InstanceSource {

    /** Resolves a name to all its addresses; {@link InetAddress#getAllByName} in production, a stub in tests. */
    @FunctionalInterface
    interface Resolver {

        /**
         * @param name a host name
         * @return its addresses, A and AAAA records
         * @throws UnknownHostException if it has none or cannot be resolved
         */
        InetAddress[] resolve(String name) throws UnknownHostException;
    }

    private final String name;
    private final int port;
    private final Resolver resolver;
    private final AgentScraper scraper;

    /**
     * @param name     the DNS name, e.g. {@code billing-api-headless.prod.svc.cluster.local}
     * @param port     the agents' port, 1 to 65535
     * @param resolver how the name is resolved
     * @param scraper  reads one agent
     */
    DnsInstances(String name, int port, Resolver resolver, AgentScraper scraper) {
        this.name = name;
        this.port = port;
        this.resolver = resolver;
        this.scraper = scraper;
    }

    @Override
    public Poll poll() {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new Poll(List.of(), name + ": does not resolve to any address (" + e.getMessage() + ")");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<InstanceRead> reads = new ArrayList<>();
        for (InetAddress address : addresses) {
            String hostPort = Coverage.hostPort(address.getHostAddress(), Integer.toString(port));
            if (seen.add(hostPort)) {
                reads.add(AgentUrlInstances.scrape(scraper, hostPort, URI.create("http://" + hostPort + "/metrics")));
            }
        }
        return new Poll(reads, null);
    }

    @Override
    public String describe() {
        return "DNS " + name + ", agent port " + port;
    }
}
