package dev.runtruth.collector.verify;

import dev.runtruth.collector.InputException;
import java.util.List;

/**
 * Where {@code verify} finds the instances of a service, read afresh on every poll: agent URLs, a DNS name, or a
 * Prometheus server.
 */
interface InstanceSource {

    /**
     * The instances as they are now, with a note when the set itself could not be found (a name that does not
     * resolve).
     *
     * @param instances one entry per instance, in the source's order; an instance that cannot be read is an entry
     *                  with a problem, never left out
     * @param problem   why no instance could be listed, one line; {@code null} when the listing worked
     */
    record Poll(List<InstanceRead> instances, String problem) {

        /** Copies the list. */
        public Poll {
            instances = List.copyOf(instances);
        }
    }

    /**
     * @return the instances now
     * @throws InputException when the source as a whole cannot be read (an unreachable Prometheus, an answer that is
     *                        not Prometheus' API); a single instance that cannot be read is an entry of the poll
     */
    Poll poll() throws InputException;

    /** @return the source as the progress lines and the report name it, e.g. {@code DNS billing.svc:7461} */
    String describe();
}
