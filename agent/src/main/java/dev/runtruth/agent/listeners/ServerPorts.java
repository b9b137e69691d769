package dev.runtruth.agent.listeners;

import dev.runtruth.agent.CaptureErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports on which the servers of the captured frameworks accept connections, read at scrape time from the framework
 * objects the route captures already remember (no hook of its own). One {@link Family} per server family; a failure
 * reading one family is recorded in {@code CaptureErrors} under {@code listeners.<family>} and the others are still
 * read.
 */
final class ServerPorts {

    /** How one server family finds its bound ports. */
    interface Family {

        /** @return a short name for log lines and error kinds, e.g. {@code tomcat} */
        String name();

        /**
         * @param out receives each bound TCP port of the family's running servers
         * @throws Exception when a framework object cannot be read; the caller records it
         */
        void ports(Set<Integer> out) throws Exception;
    }

    private final List<Family> families;

    /** @param families the families to read, in order */
    ServerPorts(List<Family> families) {
        this.families = new ArrayList<Family>(families);
    }

    /** @return the families the agent attributes: every server family whose objects a route capture holds */
    static ServerPorts captured() {
        return new ServerPorts(Arrays.asList(ServletContainerPorts.TOMCAT, ServletContainerPorts.JETTY,
                ServletContainerPorts.UNDERTOW, NettyServerPorts.VERTX, NettyServerPorts.GRPC,
                NettyServerPorts.WEBFLUX, NettyServerPorts.MICRONAUT, OwnServerPorts.HELIDON, OwnServerPorts.KTOR,
                JerseyServerPorts.GRIZZLY, OwnServerPorts.CXF, JerseyServerPorts.JDK_HTTP,
                JerseyServerPorts.JETTY_HTTP));
    }

    /** @return every port a captured server family is bound to now; never throws */
    Set<Integer> read() {
        Set<Integer> ports = new TreeSet<Integer>();
        for (Family family : families) {
            try {
                family.ports(ports);
            } catch (Throwable t) {
                CaptureErrors.record("listeners." + family.name(), "could not read the ports of the " + family.name()
                        + " servers (their listeners are reported as unknown)", t);
            }
        }
        return ports;
    }

    /** Adds {@code port} to {@code out} when it is a number in 1-65535 (servers say -1 or 0 when not bound). */
    static void add(Object port, Set<Integer> out) {
        if (port instanceof Number) {
            int p = ((Number) port).intValue();
            if (p > 0 && p <= 65535) {
                out.add(p);
            }
        }
    }
}
